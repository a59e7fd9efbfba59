using System.Globalization;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Application.Reports;

/// <summary>
/// The evaluation report as CSV, one figure a row: <c>section,figure,category,count</c> (<c>caseload,by_status,Active,42</c>;
/// <c>alerts,total,,310</c>). A withheld figure has an empty count; a breakdown withheld whole is one row with category
/// <c>*</c> and an empty count. The caseload of each month is figure <c>by_month_and_home_borough</c>, category
/// <c>2019-03 E09000008</c> (<c>2019-03 *</c> when that month is withheld whole); alert response times are figures
/// <c>acknowledged</c>, <c>median_minutes_to_acknowledge</c>, <c>resolved</c>, <c>median_minutes_to_resolve</c> with the
/// alert type as category; area crime is <c>area_crime,by_month_and_category,2019-03 Burglary,12</c>.
/// </summary>
public static class SchemeSummaryCsv
{
    /// <summary>The report's sections, in the order they are written (each a table of the evaluation dashboard).</summary>
    public static readonly IReadOnlyList<string> Sections = ["caseload", "compliance", "alerts", "matches", "area_crime"];

    /// <summary>Writes the report: every section, or only <paramref name="section"/> (one of <see cref="Sections"/>) after the report's own rows.</summary>
    public static void Write(SchemeSummary summary, TextWriter output, string? section = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (section is not null && !Sections.Contains(section, StringComparer.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(section), section, "Not a section of the report.");
        }

        var csv = new Rows(new CsvWriter(output), section);
        csv.Header();
        csv.Text("report", "as_of", summary.AsOf);
        csv.Text("report", "from", summary.Period.From ?? "");
        csv.Text("report", "to", summary.Period.To);
        var c = summary.Caseload;
        csv.Row("caseload", "enrolled", "", c.Enrolled);
        csv.Row("caseload", "monitored_person_days", "", c.MonitoredPersonDays);
        csv.Breakdown("caseload", "by_status", c.ByStatus);
        csv.Breakdown("caseload", "by_risk_tier", c.ByRiskTier);
        csv.Breakdown("caseload", "by_home_borough", c.ByHomeBorough);
        foreach (var month in c.ByMonth)
        {
            csv.Breakdown("caseload", "by_month_and_home_borough", month.ByHomeBorough, month.Month + " ");
        }

        var compliance = summary.Compliance;
        csv.Row("compliance", "breach_alerts", "", compliance.BreachAlerts);
        csv.Rate("compliance", "breaches_per_100_person_days", compliance.BreachesPer100PersonDays);
        csv.Row("compliance", "device_alerts", "", compliance.DeviceAlerts);
        csv.Row("compliance", "curfew_breaches", "", compliance.CurfewBreaches);
        csv.Rate("compliance", "curfew_breaches_per_100_person_days", compliance.CurfewBreachesPer100PersonDays);
        csv.Row("compliance", "zone_breaches", "", compliance.ZoneBreaches);
        csv.Rate("compliance", "zone_breaches_per_100_person_days", compliance.ZoneBreachesPer100PersonDays);
        csv.Row("alerts", "total", "", summary.Alerts.Total);
        csv.Breakdown("alerts", "by_category", summary.Alerts.ByCategory);
        csv.Breakdown("alerts", "by_type", summary.Alerts.ByType);
        csv.Breakdown("alerts", "by_state", summary.Alerts.ByState);
        foreach (var times in summary.Alerts.ResponseTimes)
        {
            csv.Row("alerts", "acknowledged", times.Type.Name, times.Acknowledged);
            csv.Rate("alerts", "median_minutes_to_acknowledge", times.MedianMinutesToAcknowledge, times.Type.Name);
            csv.Row("alerts", "resolved", times.Type.Name, times.Resolved);
            csv.Rate("alerts", "median_minutes_to_resolve", times.MedianMinutesToResolve, times.Type.Name);
        }

        var matches = summary.Matches;
        csv.Row("matches", "total", "", matches.Total);
        csv.Row("matches", "significant", "", matches.Significant);
        csv.Row("matches", "qualified", "", matches.Qualified);
        csv.Row("matches", "disclosed", "", matches.Disclosed);
        csv.Row("matches", "with_outcome", "", matches.WithOutcome);
        csv.Breakdown("matches", "by_state", matches.ByState);
        csv.Breakdown("matches", "by_outcome", matches.ByOutcome);
        foreach (var month in summary.AreaCrime)
        {
            foreach (var (category, count) in month.ByCategory.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                csv.Row("area_crime", "by_month_and_category", $"{month.Month} {category}", count);
            }
        }
    }

    /// <summary>The rows, each written only when it belongs to the section asked for (the report's own rows always).</summary>
    private sealed class Rows(CsvWriter csv, string? only)
    {
        public void Header() => csv.WriteHeader("section", "figure", "category", "count");

        public void Text(string section, string figure, string category)
        {
            csv.Text(section).Text(figure).Text(category).Number("");
            csv.EndRow();
        }

        public void Breakdown(string section, string figure, IReadOnlyDictionary<string, int?>? cells, string categoryPrefix = "")
        {
            if (cells is null)
            {
                Row(section, figure, categoryPrefix + "*", null);
                return;
            }

            foreach (var (category, count) in cells.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                Row(section, figure, categoryPrefix + category, count);
            }
        }

        public void Rate(string section, string figure, double? rate, string category = "") =>
            Write(section, figure, category, rate is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "");

        public void Row(string section, string figure, string category, long? count) =>
            Write(section, figure, category, count is { } n ? n.ToString(CultureInfo.InvariantCulture) : "");

        private void Write(string section, string figure, string category, string count)
        {
            if (only is not null && only != section)
            {
                return;
            }

            csv.Text(section).Text(figure).Text(category).Number(count);
            csv.EndRow();
        }
    }
}
