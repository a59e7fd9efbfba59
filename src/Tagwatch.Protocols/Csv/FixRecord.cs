using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;

namespace Tagwatch.Protocols.Csv;

/// <summary>A decoded fix with the tag that reported it.</summary>
public sealed record FixRecord(TagId Tag, Fix Fix);
