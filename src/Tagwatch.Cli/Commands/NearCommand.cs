using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using NodaTime.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Correlation;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Geo;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch near --lat LAT --lon LON | --easting E --northing N --from T1 --to T2 --radius M --purpose "…"</c>.</summary>
internal sealed class NearCommand : AsyncCommand<NearCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--lat <LAT>")]
        public double? Latitude { get; init; }

        [CommandOption("--lon <LON>")]
        public double? Longitude { get; init; }

        [CommandOption("--easting <E>")]
        public double? Easting { get; init; }

        [CommandOption("--northing <N>")]
        public double? Northing { get; init; }

        [CommandOption("--from <INSTANT>")]
        [Description("Start, ISO-8601 with offset (2019-02-20T08:00:00Z).")]
        public string? From { get; init; }

        [CommandOption("--to <INSTANT>")]
        public string? To { get; init; }

        [CommandOption("--radius <METRES>")]
        [Description("Search radius in metres (at most 2000, over at most 24 hours, as for any police search).")]
        public double Radius { get; init; } = 100;

        [CommandOption("--purpose <TEXT>")]
        [Description("Why this search is necessary (required; recorded with the search).")]
        public string Purpose { get; init; } = "";

        [CommandOption("--json")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var point = Point(settings);
        var from = Instant(settings.From, "--from");
        var to = Instant(settings.To, "--to");
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<SearchNear>().ExecuteAsync(
            PoliceOfEveryBorough(), new SearchNearRequest(point.Latitude, point.Longitude, settings.Radius, from, to, settings.Purpose), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var (search, hits) = result.Value;
        if (settings.Json)
        {
            CliContext.Current.Out.WriteLine(JsonSerializer.Serialize(new
            {
                search = search.Id,
                results = hits.Select(h => new
                {
                    tag = h.Tag.Value,
                    offender = h.OffenderReference,
                    fixes = h.Proximity.Count,
                    min_distance_m = Math.Round(h.Proximity.MinDistanceMetres, 2),
                    closest_time = Format(h.Proximity.ClosestTimeUnixMs),
                    first_time = Format(h.Proximity.FirstTimeUnixMs),
                    last_time = Format(h.Proximity.LastTimeUnixMs),
                }),
            }));
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("tag", "offender", "fixes", "closest (m)", "closest at", "first", "last");
        foreach (var h in hits)
        {
            table.AddRow(Markup.Escape(h.Tag.Value), Markup.Escape(h.OffenderReference ?? "–"), h.Proximity.Count.ToString(CultureInfo.InvariantCulture),
                h.Proximity.MinDistanceMetres.ToString("0.0", CultureInfo.InvariantCulture), Format(h.Proximity.ClosestTimeUnixMs),
                Format(h.Proximity.FirstTimeUnixMs), Format(h.Proximity.LastTimeUnixMs));
        }

        CliContext.Current.Console.Write(table);
        CliContext.Current.Console.MarkupLineInterpolated($"{hits.Count} tag(s); search {search.Id} recorded with its purpose.");
        return ExitCodes.Ok;
    }

    /// <summary>Near searches are for police and probation; whoever runs the console holds the database itself, so it
    /// searches as police of every borough, within the same limits as any police search (the audit record names the
    /// console account in the police role).</summary>
    private static Actor PoliceOfEveryBorough() =>
        new(ConsoleActor.Name, Role.Police, BoroughMap.London.All.Select(b => b.Code).ToHashSet(StringComparer.Ordinal), new HashSet<string>());

    private static GeoPoint Point(Settings settings)
    {
        if (settings.Easting is { } e && settings.Northing is { } n && settings.Latitude is null && settings.Longitude is null)
        {
            if (e is < 0 or > GridPoint.MaxEasting || n is < 0 or > GridPoint.MaxNorthing)
            {
                throw new ArgumentException("--easting/--northing are outside the National Grid");
            }

            return NationalGrid.ToWgs84(new GridPoint(e, n));
        }

        if (settings.Latitude is { } lat && settings.Longitude is { } lon && settings.Easting is null && settings.Northing is null)
        {
            return GeoPoint.TryCreate(lat, lon, out var point, out var error) ? point : throw new ArgumentException($"--lat/--lon: {error}");
        }

        throw new ArgumentException("give the place as --lat and --lon, or as --easting and --northing (one kind only)");
    }

    private static NodaTime.Instant Instant(string? text, string option) =>
        InstantPattern.ExtendedIso.Parse(text ?? "") is { Success: true } parsed ? parsed.Value
        : OffsetDateTimePattern.ExtendedIso.Parse(text ?? "") is { Success: true } offset ? offset.Value.ToInstant()
        : throw new ArgumentException($"{option} '{text}' is not an ISO-8601 time with an offset (2019-02-20T08:00:00Z)");

    private static string Format(long unixMs) => InstantPattern.ExtendedIso.Format(NodaTime.Instant.FromUnixTimeMilliseconds(unixMs));
}
