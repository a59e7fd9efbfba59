using Tagwatch.Core.Geo;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Correlation.Scored;

/// <summary>What scoring knows of the person wearing a tag. Null for a tag with no enrolled person: then the
/// offender-dependent factors are neutral.</summary>
/// <param name="Reference">Pseudonymous reference.</param>
/// <param name="IndexOffences">Offences of the sentence.</param>
/// <param name="Home">The release address.</param>
public sealed record OffenderContext(string Reference, IReadOnlyList<IndexOffence> IndexOffences, GeoPoint Home);
