using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Tagwatch.Application.Crimes;
using Tagwatch.Core.Access;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Crimes;
using Tagwatch.Server.Web.Pages.Matches;

namespace Tagwatch.Server.Web.Pages.Crimes;

/// <summary>
/// The monthly trend by category of the crimes the actor may see (<see cref="CountCrimesByMonth"/>), with the crimes
/// page's filters: a chart with the knife-related categories drawn stronger and named so in its legend, and the same
/// numbers in a table (the chart is never the only way to read them).
/// </summary>
[Authorize(Policy = nameof(Permission.ManageCrimes))]
internal sealed class TrendModel(CountCrimesByMonth count, BoroughMap boroughs) : WebPageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [BindProperty(SupportsGet = true)]
    public CrimeFilter Filter { get; set; } = new();

    public CrimeMonthCounts? Counts { get; private set; }

    /// <summary>The categories with any crime in the period, knife-related first.</summary>
    public IReadOnlyList<CrimeCategory> Categories { get; private set; } = [];

    /// <summary>What the chart draws: the months, and a series per category.</summary>
    public string ChartData { get; private set; } = "{}";

    public CrimeFilterView FilterView => new(Filter, boroughs.All.OrderBy(b => b.Name, StringComparer.Ordinal), "/crimes/trend");

    public string CrimesLink => Filter.Query() is { Length: > 0 } query ? "/crimes?" + query : "/crimes";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Filter.TryRead(ModelState, out var asked))
        {
            return Page();
        }

        var counted = await count.ExecuteAsync(await ActorAsync(), new CountCrimesByMonthRequest(asked.From, asked.To, asked.Borough, asked.Category), cancellationToken);
        if (!counted.Succeeded)
        {
            return Failed(counted.Failure, Page, "Filter");
        }

        Counts = counted.Value;
        Filter.From ??= CrimeFilter.DateText(Counts.From);
        Filter.To ??= CrimeFilter.DateText(Counts.To);
        Categories = Counts.Counts.Select(c => c.Category).Distinct()
            .OrderBy(c => CrimeText.IsKnifeRelated(c) ? 0 : 1).ThenBy(c => c).ToList();
        ChartData = JsonSerializer.Serialize(new
        {
            months = Counts.Months.Select(Month),
            series = Categories.Select(c => new
            {
                label = MatchText.Category(c) + (CrimeText.IsKnifeRelated(c) ? " (knife-related)" : ""),
                knife = CrimeText.IsKnifeRelated(c),
                counts = Counts.Months.Select(m => CountOf(m, c)),
            }),
        }, Json);
        return Page();
    }

    public int CountOf(YearMonth month, CrimeCategory category) =>
        Counts?.Counts.FirstOrDefault(c => c.Month == month && c.Category == category)?.Count ?? 0;

    public static string Month(YearMonth month) => month.ToString("MMM yyyy", CultureInfo.InvariantCulture);
}
