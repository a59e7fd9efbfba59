using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Matches;
using Tagwatch.Core.Access;
using Tagwatch.Core.Matches;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch matches list [--significant] [--state new] [--json]</c>: stored matches, most significant first.</summary>
internal sealed class MatchesListCommand : AsyncCommand<MatchesListCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--significant")]
        [Description("Only significant matches.")]
        public bool SignificantOnly { get; init; }

        [CommandOption("--state <STATE>")]
        [Description("Only matches in this state (new, qualified, dismissed, disclosed, withdrawn).")]
        public string? State { get; init; }

        [CommandOption("--json")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        MatchState? state = settings.State is null ? null : OptionParsers.Enum<MatchState>(settings.State, "--state");
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ListMatches>()
            .ExecuteAsync(ConsoleActor.In(Role.MatchReviewer), new ListMatchesRequest(state, settings.SignificantOnly), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var matches = result.Value.Matches;
        if (settings.Json)
        {
            CliContext.Current.Out.WriteLine(JsonSerializer.Serialize(matches.Select(m => new
            {
                id = m.Id, force = m.Force, crime = m.CrimeReference, crime_version = m.CrimeVersion, tag = m.Tag, offender = m.OffenderReference,
                score = Math.Round(m.Score, 3), significant = m.Significant, min_distance_m = Math.Round(m.MinDistanceMetres, 2),
                closest_time = Time(m.ClosestTimeUnixMs), dwell_s = Math.Round(m.DwellSeconds), gap_s = Math.Round(m.GapSeconds), state = m.State, history = m.HistoryCount, amendments = m.Amendments,
            })));
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("id", "crime", "offender", "tag", "score", "closest (m)", "closest at", "state");
        foreach (var m in matches.Take(200))
        {
            table.AddRow(m.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape($"{m.CrimeReference} v{m.CrimeVersion}"), Markup.Escape(m.OffenderReference ?? "–"), Markup.Escape(m.Tag),
                (m.Significant ? "[bold]" : "") + m.Score.ToString("0.000", CultureInfo.InvariantCulture) + (m.Significant ? "[/]" : ""),
                m.MinDistanceMetres.ToString("0.0", CultureInfo.InvariantCulture), Time(m.ClosestTimeUnixMs), Markup.Escape(m.State));
        }

        CliContext.Current.Console.Write(table);
        CliContext.Current.Console.MarkupLineInterpolated($"{matches.Count} match(es){(matches.Count > 200 ? "; the first 200 shown (--json lists all)" : "")}.");
        return ExitCodes.Ok;
    }

    internal static string Time(long unixMs) => InstantPattern.ExtendedIso.Format(Instant.FromUnixTimeMilliseconds(unixMs));
}
