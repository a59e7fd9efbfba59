using NodaTime;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Application.Scheme;

/// <summary>The scheme's settings and how many people it monitors today.</summary>
public sealed record ShowSchemeRequest;

/// <summary>
/// A change to the scheme's settings: each value given replaces the current one, the others keep theirs. Boroughs are
/// London boroughs by name or ONS code; a list given replaces the whole list.
/// </summary>
public sealed record ChangeSchemeRequest(
    string? Name = null, int? Capacity = null, IReadOnlyList<string>? Boroughs = null, LocalDate? Start = null, int? LengthMonths = null,
    int? MaxMonitoringMonths = null, IReadOnlyList<IndexOffence>? EligibleOffences = null, RiskTier? CorrelationMinimumTier = null);
