using System.Text.Json;

namespace Tagwatch.Tests;

/// <summary>
/// Reads the evaluation report as someone trying to undo its suppression would: for each breakdown, its total minus
/// the cells shown is what the withheld cells add up to, each at least 1. Lists every withheld cell that can be worked
/// out exactly, or shown to be small, that way.
/// </summary>
internal static class SmallCellAttack
{
    private const int SmallestCell = 3;

    public static List<string> Findings(JsonElement report)
    {
        var findings = new List<string>();
        int enrolled = report.GetProperty("caseload").GetProperty("enrolled").GetInt32();
        int alerts = report.GetProperty("alerts").GetProperty("total").GetInt32();
        int matches = report.GetProperty("matches").GetProperty("total").GetInt32();
        foreach (var (section, breakdown, total) in new[]
        {
            ("caseload", "by_status", enrolled), ("caseload", "by_risk_tier", enrolled), ("caseload", "by_home_borough", enrolled),
            ("alerts", "by_category", alerts), ("alerts", "by_type", alerts), ("alerts", "by_state", alerts), ("matches", "by_state", matches),
        })
        {
            var cells = report.GetProperty(section).GetProperty(breakdown);
            if (cells.ValueKind == JsonValueKind.Null)
            {
                continue; // withheld whole
            }

            var shown = cells.EnumerateObject().Where(c => c.Value.ValueKind == JsonValueKind.Number).Select(c => c.Value.GetInt32()).ToList();
            var withheld = cells.EnumerateObject().Where(c => c.Value.ValueKind == JsonValueKind.Null).Select(c => c.Name).ToList();
            findings.AddRange(shown.Where(n => n is > 0 and < SmallestCell).Select(n => $"{section}.{breakdown}: a small count {n} is shown"));
            int residual = total - shown.Sum();
            if (withheld.Count == 1)
            {
                findings.Add($"{section}.{breakdown}.{withheld[0]} = {total} − the cells shown = {residual}");
            }
            else if (withheld.Count > 1 && residual - (withheld.Count - 1) < SmallestCell)
            {
                findings.Add($"{section}.{breakdown}: the {withheld.Count} withheld cells add up to {residual}, so each is at most {residual - withheld.Count + 1}");
            }
        }

        return findings;
    }
}
