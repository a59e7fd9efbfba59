using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using System.Globalization;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Geo;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch zones add --offender REF --kind exclusion|inclusion (--wkt W | --geojson-file F | --circle LAT,LON,RADIUS) [--buffer M] [--schedule S]</c>.</summary>
internal sealed class ZonesAddCommand : AsyncCommand<ZonesAddCommand.Settings>
{
    internal sealed class Settings : ConditionSettings
    {
        [CommandOption("--kind <KIND>")]
        [Description("exclusion (stay out) or inclusion (stay in).")]
        public string Kind { get; init; } = "exclusion";

        [CommandOption("--wkt <WKT>")]
        [Description("POLYGON or MULTIPOLYGON in WGS84, longitude first.")]
        public string? Wkt { get; init; }

        [CommandOption("--geojson-file <FILE>")]
        [Description("A GeoJSON Polygon or MultiPolygon geometry.")]
        public string? GeoJsonFile { get; init; }

        [CommandOption("--circle <LAT,LON,RADIUS>")]
        [Description("A circle: centre latitude, longitude and radius in metres.")]
        public string? Circle { get; init; }

        [CommandOption("--buffer <METRES>")]
        [Description("Grow the zone by this much on every side (default 0).")]
        public double Buffer { get; init; }

        public override ValidationResult Validate() =>
            new[] { Wkt, GeoJsonFile, Circle }.Count(x => x is not null) == 1
                ? Kind.ToLowerInvariant() is "exclusion" or "inclusion" ? ValidationResult.Success() : ValidationResult.Error("--kind must be exclusion or inclusion")
                : ValidationResult.Error("give exactly one of --wkt, --geojson-file or --circle");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var area = settings.Circle is { } circle ? ParseCircle(circle)
            : ZoneArea.TryParse(settings.Wkt ?? await File.ReadAllTextAsync(CliContext.Current.FullPath(settings.GeoJsonFile!), cancellationToken), out var parsed, out string? error) ? parsed!
            : throw new ArgumentException($"{(settings.Wkt is null ? "--geojson-file" : "--wkt")}: {error}");
        var kind = settings.Kind.Equals("inclusion", StringComparison.OrdinalIgnoreCase) ? ConditionKind.Inclusion : ConditionKind.Exclusion;
        var (added, exitCode) = await ConditionWriter.AddAsync(settings, kind, area, settings.Buffer, Duration.Zero, cancellationToken);
        if (added is { Condition: var condition })
        {
            CliContext.Current.Console.MarkupLineInterpolated($"Condition {condition.Id}: {kind.ToString().ToLowerInvariant()} zone '{condition.Label}' ({condition.Schedule}).");
        }

        return exitCode;
    }

    internal static ZoneArea ParseCircle(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || !parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            throw new ArgumentException($"--circle '{text}' is not LAT,LON,RADIUS");
        }

        double Number(int i) => double.Parse(parts[i], CultureInfo.InvariantCulture);
        if (!GeoPoint.TryCreate(Number(0), Number(1), out var centre, out string? error))
        {
            throw new ArgumentException($"--circle: {error}");
        }

        try
        {
            return ZoneArea.Circle(centre, Number(2));
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new ArgumentException($"--circle radius: {UserMessages.Of(ex)}", ex);
        }
    }
}
