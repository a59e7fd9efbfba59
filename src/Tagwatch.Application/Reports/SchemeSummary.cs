using System.Text.Json.Serialization;
using Tagwatch.Core.Alerts;

namespace Tagwatch.Application.Reports;

/// <summary>
/// The evaluation report: aggregate, pseudonymised figures for evaluating the scheme — counts only, no names,
/// references, addresses or positions — with small counts withheld (<see cref="SmallCells"/>). The API, the console's
/// JSON and its CSV all show this one value, so a figure withheld in one is withheld in all.
/// </summary>
public sealed record SchemeSummary(
    [property: JsonPropertyName("as_of")] string AsOf,
    [property: JsonPropertyName("small_cells")] string SmallCellsNote,
    [property: JsonPropertyName("caseload")] SchemeSummary.CaseloadFigures Caseload,
    [property: JsonPropertyName("compliance")] SchemeSummary.ComplianceFigures Compliance,
    [property: JsonPropertyName("alerts")] SchemeSummary.AlertFigures Alerts,
    [property: JsonPropertyName("matches")] SchemeSummary.MatchFigures Matches,
    [property: JsonPropertyName("period")] SchemeSummary.PeriodCovered Period,
    [property: JsonPropertyName("area_crime")] IReadOnlyList<SchemeSummary.AreaCrimeMonth> AreaCrime)
{
    /// <summary>The days the figures cover, both included: alerts raised and matches found in them, days monitored in them.</summary>
    /// <param name="From">The first day (ISO), or null for since the scheme began.</param>
    /// <param name="To">The last day (ISO).</param>
    public sealed record PeriodCovered(
        [property: JsonPropertyName("from")] string? From,
        [property: JsonPropertyName("to")] string To);

    /// <summary>The people monitored on at least one day of a month (within the period), by home borough.</summary>
    public sealed record MonthCaseload(
        [property: JsonPropertyName("month")] string Month,
        [property: JsonPropertyName("by_home_borough")] IReadOnlyDictionary<string, int?>? ByHomeBorough);

    /// <summary>People enrolled and their breakdowns (each sums to <paramref name="Enrolled"/>).</summary>
    public sealed record CaseloadFigures(
        [property: JsonPropertyName("enrolled")] int Enrolled,
        [property: JsonPropertyName("monitored_person_days")] long MonitoredPersonDays,
        [property: JsonPropertyName("by_status")] IReadOnlyDictionary<string, int?>? ByStatus,
        [property: JsonPropertyName("by_risk_tier")] IReadOnlyDictionary<string, int?>? ByRiskTier,
        [property: JsonPropertyName("by_home_borough")] IReadOnlyDictionary<string, int?>? ByHomeBorough,
        [property: JsonPropertyName("by_month")] IReadOnlyList<MonthCaseload> ByMonth);

    /// <summary>Breaches per 100 days of monitoring, over the days each person has been monitored so far.</summary>
    public sealed record ComplianceFigures(
        [property: JsonPropertyName("breach_alerts")] int? BreachAlerts,
        [property: JsonPropertyName("breaches_per_100_person_days")] double? BreachesPer100PersonDays,
        [property: JsonPropertyName("device_alerts")] int? DeviceAlerts,
        [property: JsonPropertyName("curfew_breaches")] int? CurfewBreaches,
        [property: JsonPropertyName("curfew_breaches_per_100_person_days")] double? CurfewBreachesPer100PersonDays,
        [property: JsonPropertyName("zone_breaches")] int? ZoneBreaches,
        [property: JsonPropertyName("zone_breaches_per_100_person_days")] double? ZoneBreachesPer100PersonDays);

    /// <summary>Alerts and their breakdowns (each sums to <paramref name="Total"/>).</summary>
    public sealed record AlertFigures(
        [property: JsonPropertyName("total")] int Total,
        [property: JsonPropertyName("by_category")] IReadOnlyDictionary<string, int?>? ByCategory,
        [property: JsonPropertyName("by_type")] IReadOnlyDictionary<string, int?>? ByType,
        [property: JsonPropertyName("by_state")] IReadOnlyDictionary<string, int?>? ByState,
        [property: JsonPropertyName("response_times")] IReadOnlyList<AlertResponseTimes> ResponseTimes);

    /// <summary>
    /// How quickly alerts of one type were first acknowledged and first resolved: how many were, and the median wait in
    /// minutes (withheld with its count).
    /// </summary>
    public sealed record AlertResponseTimes(
        [property: JsonPropertyName("type")] AlertKind Type,
        [property: JsonPropertyName("acknowledged")] int? Acknowledged,
        [property: JsonPropertyName("median_minutes_to_acknowledge")] double? MedianMinutesToAcknowledge,
        [property: JsonPropertyName("resolved")] int? Resolved,
        [property: JsonPropertyName("median_minutes_to_resolve")] double? MedianMinutesToResolve);

    /// <summary>
    /// Published street-level crime (police.uk) held as area context, counted by month of the period and category.
    /// These are public figures already: they are shown as published, not withheld.
    /// </summary>
    public sealed record AreaCrimeMonth(
        [property: JsonPropertyName("month")] string Month,
        [property: JsonPropertyName("by_category")] IReadOnlyDictionary<string, int> ByCategory);

    /// <summary>
    /// Matches and their breakdowns (by state sums to <paramref name="Total"/>), and the path they take: found, then
    /// <paramref name="Qualified"/> (qualified by a reviewer, disclosed or not), <paramref name="Disclosed"/> to police,
    /// and <paramref name="WithOutcome"/> recorded by police.
    /// </summary>
    public sealed record MatchFigures(
        [property: JsonPropertyName("total")] int Total,
        [property: JsonPropertyName("significant")] int? Significant,
        [property: JsonPropertyName("by_state")] IReadOnlyDictionary<string, int?>? ByState,
        [property: JsonPropertyName("by_outcome")] IReadOnlyDictionary<string, int?>? ByOutcome,
        [property: JsonPropertyName("qualified")] int? Qualified,
        [property: JsonPropertyName("disclosed")] int? Disclosed,
        [property: JsonPropertyName("with_outcome")] int? WithOutcome);
}
