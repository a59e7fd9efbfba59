using System.Globalization;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Application.Reports;

/// <summary>
/// The evaluation report as CSV, one figure a row: <c>section,figure,category,count</c> (<c>caseload,by_status,Active,42</c>;
/// <c>alerts,total,,310</c>). A withheld figure has an empty count; a breakdown withheld whole is one row with category
/// <c>*</c> and an empty count.
/// </summary>
public static class SchemeSummaryCsv
{
    /// <summary>Writes the report.</summary>
    public static void Write(SchemeSummary summary, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var csv = new CsvWriter(output);
        csv.WriteHeader("section", "figure", "category", "count");
        csv.Text("report").Text("as_of").Text(summary.AsOf).Number("");
        csv.EndRow();
        var c = summary.Caseload;
        Row(csv, "caseload", "enrolled", "", c.Enrolled);
        Row(csv, "caseload", "monitored_person_days", "", c.MonitoredPersonDays);
        Breakdown(csv, "caseload", "by_status", c.ByStatus);
        Breakdown(csv, "caseload", "by_risk_tier", c.ByRiskTier);
        Breakdown(csv, "caseload", "by_home_borough", c.ByHomeBorough);
        Row(csv, "compliance", "breach_alerts", "", summary.Compliance.BreachAlerts);
        csv.Text("compliance").Text("breaches_per_100_person_days").Text("")
            .Number(summary.Compliance.BreachesPer100PersonDays is { } rate ? rate.ToString("0.00", CultureInfo.InvariantCulture) : "");
        csv.EndRow();
        Row(csv, "compliance", "device_alerts", "", summary.Compliance.DeviceAlerts);
        Row(csv, "alerts", "total", "", summary.Alerts.Total);
        Breakdown(csv, "alerts", "by_category", summary.Alerts.ByCategory);
        Breakdown(csv, "alerts", "by_type", summary.Alerts.ByType);
        Breakdown(csv, "alerts", "by_state", summary.Alerts.ByState);
        Row(csv, "matches", "total", "", summary.Matches.Total);
        Row(csv, "matches", "significant", "", summary.Matches.Significant);
        Breakdown(csv, "matches", "by_state", summary.Matches.ByState);
        Breakdown(csv, "matches", "by_outcome", summary.Matches.ByOutcome);
    }

    private static void Breakdown(CsvWriter csv, string section, string figure, IReadOnlyDictionary<string, int?>? cells)
    {
        if (cells is null)
        {
            Row(csv, section, figure, "*", null);
            return;
        }

        foreach (var (category, count) in cells.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Row(csv, section, figure, category, count);
        }
    }

    private static void Row(CsvWriter csv, string section, string figure, string category, long? count)
    {
        csv.Text(section).Text(figure).Text(category);
        if (count is { } n)
        {
            csv.Number(n);
        }
        else
        {
            csv.Number("");
        }

        csv.EndRow();
    }
}
