using Tagwatch.Cli.Hosting;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Storage;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch stats [--json]</c>: what the database holds.</summary>
internal sealed class StatsCommand : AsyncCommand<StatsCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--json")]
        public bool Json { get; init; }
    }

    public static async Task<Dictionary<string, object>> GatherAsync(TagwatchServices workspace, CancellationToken cancellationToken)
    {
        var fixes = await workspace.Fixes.StatisticsAsync(cancellationToken);
        var offenders = await workspace.Offenders.ListAsync(cancellationToken);
        var tags = await workspace.Tags.ListAsync(cancellationToken);
        var crimes = await workspace.Crimes.CurrentAsync(NodaTime.Instant.MinValue, NodaTime.Instant.MaxValue, cancellationToken);
        var area = await workspace.Crimes.AreaCrimeCountsAsync(cancellationToken);
        return new Dictionary<string, object>
        {
            ["database"] = workspace.Database.Path,
            ["offenders"] = offenders.Count,
            ["tags"] = tags.Count,
            ["fixes"] = fixes.Fixes,
            ["fix_chunks"] = fixes.Chunks,
            ["fix_bytes"] = fixes.PayloadBytes,
            ["bytes_per_fix"] = Math.Round(fixes.BytesPerFix, 2),
            ["crimes"] = crimes.Count,
            ["area_crimes"] = area.Sum(a => a.Count),
        };
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        var stats = await GatherAsync(workspace, cancellationToken);
        await workspace.AuditAsync(Application.Audit.AuditActions.ViewStatistics, "scheme", null,
            $"database statistics: {stats["offenders"]} people, {stats["tags"]} tags, {stats["fixes"]} fixes, {stats["crimes"]} crimes", cancellationToken);
        if (settings.Json)
        {
            CliContext.Current.Out.WriteLine(JsonSerializer.Serialize(stats));
            return ExitCodes.Ok;
        }

        var grid = new Grid().AddColumns(2);
        foreach (var (key, value) in stats)
        {
            grid.AddRow(key, Markup.Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
        }

        CliContext.Current.Console.Write(grid);
        return ExitCodes.Ok;
    }
}
