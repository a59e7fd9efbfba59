using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Tagwatch.Application.Correlation;
using Tagwatch.Core.Access;
using Tagwatch.Server.Web.Pages.Matches;

namespace Tagwatch.Server.Web.Pages.Near;

/// <summary>
/// "Who was near this place at this time" (<see cref="SearchNear"/>): a stated purpose always, the centre clicked on the
/// map or typed, a radius and a period in London time. The use case enforces every limit (police: their boroughs, the
/// area and time they may search) and records the search; the page says its refusals against the fields.
/// </summary>
[Tags("Searches")]
[Authorize(Policy = nameof(Permission.SearchNear))]
internal sealed class IndexModel(SearchNear search, TimeProvider clock) : WebPageModel
{
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm";
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed class SearchForm
    {
        public string? Purpose { get; set; }

        public double? Latitude { get; set; }

        public double? Longitude { get; set; }

        public double? Radius { get; set; }

        /// <summary>London time, as a datetime-local field sends it (2019-03-01T12:00).</summary>
        public string? From { get; set; }

        public string? To { get; set; }
    }

    [BindProperty]
    public SearchForm Input { get; set; } = new();

    public SearchNearResult? Result { get; private set; }

    /// <summary>What the map draws of the results (null before a search).</summary>
    public string? MapResults { get; private set; }

    public bool PoliceLimits { get; private set; }

    public async Task OnGetAsync()
    {
        PoliceLimits = (await ActorAsync()).Role == Role.Police;
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London);
        var to = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Unspecified);
        Input = new SearchForm { Radius = 200, From = to.AddHours(-2).ToString(LocalFormat, CultureInfo.InvariantCulture), To = to.ToString(LocalFormat, CultureInfo.InvariantCulture) };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = await ActorAsync();
        PoliceLimits = actor.Role == Role.Police;
        ModelState.Clear(); // The fields are read below, with this page's own wording for what is missing.
        Required(Input.Latitude, "Input.Latitude", "Enter the centre's latitude, or click the map");
        Required(Input.Longitude, "Input.Longitude", "Enter the centre's longitude, or click the map");
        Required(Input.Radius, "Input.Radius", "Enter the radius in metres");
        var from = LocalTime(Input.From, "Input.From", "Enter when the period starts");
        var to = LocalTime(Input.To, "Input.To", "Enter when the period ends");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var searched = await search.ExecuteAsync(actor, new SearchNearRequest(Input.Latitude!.Value, Input.Longitude!.Value, Input.Radius!.Value, from!.Value, to!.Value, Input.Purpose), cancellationToken);
        if (!searched.Succeeded)
        {
            return Failed(searched.Failure.ForForm(), Page, "Input");
        }

        Result = searched.Value;
        MapResults = JsonSerializer.Serialize(new
        {
            centre = new { lat = Input.Latitude, lon = Input.Longitude },
            hits = Result.Hits.Select(h => new
            {
                distanceMetres = Math.Round(h.Proximity.MinDistanceMetres, 1),
                label = $"{h.OffenderReference ?? "No enrolled wearer"} (tag {h.Tag.Value}): {MatchText.Metres(h.Proximity.MinDistanceMetres)} at {WebText.Time(DateTimeOffset.FromUnixTimeMilliseconds(h.Proximity.ClosestTimeUnixMs))}",
            }),
        }, Json);
        return Page();
    }

    private void Required(double? value, string field, string message)
    {
        if (value is null || !double.IsFinite(value.Value))
        {
            ModelState.AddModelError(field, message);
        }
    }

    private Instant? LocalTime(string? text, string field, string message)
    {
        if (DateTime.TryParseExact(text, [LocalFormat, LocalFormat + ":ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return Instant.FromDateTimeUtc(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), London));
        }

        ModelState.AddModelError(field, message);
        return null;
    }
}
