using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Trails;

/// <summary>One fix of a person's trail, with the tag that reported it (a person may wear several tags over time).</summary>
/// <param name="Tag">The tag that reported the fix.</param>
/// <param name="Fix">The fix as stored.</param>
public readonly record struct TrailFix(TagId Tag, Fix Fix);
