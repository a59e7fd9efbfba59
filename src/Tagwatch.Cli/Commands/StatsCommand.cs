using Tagwatch.Cli.Hosting;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Maintenance;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch stats [--json]</c>: what the database holds.</summary>
internal sealed class StatsCommand : AsyncCommand<StatsCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--json")]
        public bool Json { get; init; }
    }

    /// <summary>What <paramref name="services"/>' database (<paramref name="path"/>: its description) holds, as the console's actor may read it (recorded).</summary>
    public static async Task<UseCaseResult<Dictionary<string, object>>> GatherAsync(IServiceProvider services, string path, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<ReadStoreStatistics>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new ReadStoreStatisticsRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            return result.Failure;
        }

        var s = result.Value;
        return new Dictionary<string, object>
        {
            ["database"] = path,
            ["offenders"] = s.Offenders,
            ["tags"] = s.Tags,
            ["fixes"] = s.Fixes.Fixes,
            ["fix_chunks"] = s.Fixes.Chunks,
            ["fix_bytes"] = s.Fixes.PayloadBytes,
            ["bytes_per_fix"] = Math.Round(s.Fixes.BytesPerFix, 2),
            ["crimes"] = s.Crimes,
            ["area_crimes"] = s.AreaCrimes,
        };
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await GatherAsync(services.Provider, services.Description, cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var stats = result.Value;
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
