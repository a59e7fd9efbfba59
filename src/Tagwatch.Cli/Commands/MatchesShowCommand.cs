using Tagwatch.Cli.Hosting;
using System.Text.Json;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Matches;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch matches show ID</c>: one match with its factors, evidence (as disclosed, for a disclosed match), gaps,
/// history and amendments (later engine results, with any supplement disclosure), as JSON.</summary>
internal sealed class MatchesShowCommand : AsyncCommand<MatchesShowCommand.Settings>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<ID>")]
        public long Id { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ShowMatch>()
            .ExecuteAsync(ConsoleActor.In(Role.MatchReviewer), new MatchRequest(settings.Id), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var detail = result.Value.Detail;
        var m = detail.Match;
        CliContext.Current.Out.WriteLine(JsonSerializer.Serialize(new
        {
            id = m.Id, force = m.Force, crime = m.CrimeReference, crime_version = m.CrimeVersion, tag = m.Tag, offender = m.OffenderReference,
            score = m.Score, significant = m.Significant, state = m.State, run = m.RunId,
            min_distance_m = m.MinDistanceMetres, closest_time = MatchesListCommand.Time(m.ClosestTimeUnixMs), dwell_s = m.DwellSeconds, gap_s = m.GapSeconds,
            habitual_place = detail.HabitualPlace,
            factors = JsonDocument.Parse(detail.FactorsJson).RootElement,
            evidence = JsonDocument.Parse(detail.EvidenceJson).RootElement,
            gaps = JsonDocument.Parse(detail.GapsJson).RootElement,
            history = detail.History.Select(h => new { replaced = MatchesListCommand.Time(h.ReplacedUnixMs), reason = h.Reason, was = JsonDocument.Parse(h.SnapshotJson).RootElement }),
            amendments = result.Value.Amendments.Select(a => new
            {
                number = a.Number, recorded = a.At.ToString(), run = a.RunId, reason = a.Reason, found = a.Found, crime_version = a.CrimeVersion,
                score = a.Score, significant = a.Significant, min_distance_m = a.MinDistanceMetres,
                closest_time = a.ClosestTimeUnixMs is { } closest ? MatchesListCommand.Time(closest) : null, dwell_s = a.DwellSeconds, gap_s = a.GapSeconds,
                habitual_place = a.HabitualPlace,
                factors = a.FactorsJson is null ? (JsonElement?)null : JsonDocument.Parse(a.FactorsJson).RootElement,
                evidence = a.EvidenceJson is null ? (JsonElement?)null : JsonDocument.Parse(a.EvidenceJson).RootElement,
                gaps = a.GapsJson is null ? (JsonElement?)null : JsonDocument.Parse(a.GapsJson).RootElement,
                supplement = a.Supplement is { } s ? new { disclosed = s.At.ToString(), actor = s.Actor, role = s.ActorRole, reason = s.Reason, disclosed_to = s.DisclosedTo } : null,
            }),
        }, Indented));
        return ExitCodes.Ok;
    }
}
