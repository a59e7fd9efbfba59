using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tagwatch.Application.Crimes;
using Tagwatch.Core.Access;
using Tagwatch.Core.Boroughs;
using Tagwatch.Server.Web.Pages.Matches;

namespace Tagwatch.Server.Web.Pages.Crimes;

/// <summary>
/// The crimes the actor may see (<see cref="ListCrimes"/> scopes them: police their boroughs, the hub all), filtered by
/// period, borough and category, in a table sorted and paged by the server (so it works without script and any page
/// can be linked), and the shown page on a map.
/// </summary>
[Authorize(Policy = nameof(Permission.ManageCrimes))]
internal sealed class IndexModel(ListCrimes list, BoroughMap boroughs) : WebPageModel
{
    public const int PageSize = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [BindProperty(SupportsGet = true)]
    public CrimeFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? SortKey { get; set; }

    /// <summary><c>asc</c> or <c>desc</c>; newest first when no column is chosen.</summary>
    [BindProperty(SupportsGet = true, Name = "dir")]
    public string? Direction { get; set; }

    /// <summary>The page of the table, from 1 (<c>?p=2</c>; "page" is the framework's own route value).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public CrimeSort Sort { get; private set; } = CrimeSort.CommittedFrom;

    public bool Descending { get; private set; } = true;

    public CrimeList? Crimes { get; private set; }

    public int Pages => Crimes is null ? 1 : Math.Max(1, (Crimes.Total + PageSize - 1) / PageSize);

    /// <summary>What the map draws: the shown page's crimes.</summary>
    public string MapData { get; private set; } = "[]";

    public IEnumerable<Borough> Boroughs => boroughs.All.OrderBy(b => b.Name, StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (SortKey is not null)
        {
            Sort = CrimeSortKeys.TryParse(SortKey, out var sort) ? sort : CrimeSort.CommittedFrom;
            Descending = Direction == "desc";
        }
        else
        {
            Descending = Direction != "asc";
        }

        if (!Filter.TryRead(ModelState, out var asked))
        {
            return Page();
        }

        var listed = await list.ExecuteAsync(await ActorAsync(),
            new ListCrimesRequest(asked.From, asked.To, asked.Borough, asked.Category, Sort, Descending, Math.Max(1, PageNumber), PageSize), cancellationToken);
        if (!listed.Succeeded)
        {
            return Failed(listed.Failure, Page, "Filter");
        }

        Crimes = listed.Value;
        Filter.From ??= CrimeFilter.DateText(Crimes.From);
        Filter.To ??= CrimeFilter.DateText(Crimes.To);
        MapData = JsonSerializer.Serialize(Crimes.Crimes.Select(c => new
        {
            lat = c.Position.Latitude,
            lon = c.Position.Longitude,
            precisionMetres = c.LocationPrecisionMetres,
            reference = c.Reference,
            category = MatchText.Category(c.Category),
            knife = CrimeText.IsKnifeRelated(c.Category),
            committed = CrimeText.Committed(c),
            borough = c.BoroughCode is null ? "Outside London" : WebText.BoroughName(c.BoroughCode),
            text = c.Text,
        }), Json);
        return Page();
    }

    /// <summary>The first and last months (<c>YYYY-MM</c>, London) of the listed period, which the area crime layer shows.</summary>
    public string AreaFrom => Crimes is null ? "" : Month(Crimes.From);

    /// <inheritdoc cref="AreaFrom"/>
    public string AreaTo => Crimes is null ? "" : Month(Crimes.To - NodaTime.Duration.Epsilon);

    /// <summary>The area layer's months in words ("February 2019", "February to March 2019").</summary>
    public string AreaMonthsText
    {
        get
        {
            if (Crimes is null)
            {
                return "";
            }

            var (first, last) = (Crimes.From.InZone(WebText.London).Date, (Crimes.To - NodaTime.Duration.Epsilon).InZone(WebText.London).Date);
            string Text(NodaTime.LocalDate d) => d.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
            return first.Year == last.Year && first.Month == last.Month ? Text(first) : $"{Text(first)} to {Text(last)}";
        }
    }

    private static string Month(NodaTime.Instant instant) =>
        instant.InZone(WebText.London).Date.ToString("uuuu-MM", System.Globalization.CultureInfo.InvariantCulture);

    public CrimeFilterView FilterView => new(Filter, Boroughs, "/crimes");

    /// <summary>The monthly trend of the same filters.</summary>
    public string TrendLink => Filter.Query() is { Length: > 0 } query ? "/crimes/trend?" + query : "/crimes/trend";

    /// <summary>This list with another column, direction or page (the filters kept).</summary>
    public string Link(CrimeSort sort, bool descending, int page)
    {
        string filters = Filter.Query();
        return $"/crimes?{(filters.Length > 0 ? filters + "&" : "")}sort={CrimeSortKeys.Key(sort)}&dir={(descending ? "desc" : "asc")}&p={page}";
    }
}
