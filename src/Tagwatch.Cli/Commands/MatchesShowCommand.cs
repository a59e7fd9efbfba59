using Tagwatch.Cli.Hosting;
using System.Text.Json;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;

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
        var detail = await services.Matches.GetMatchAsync(settings.Id, cancellationToken)
            ?? throw new KeyNotFoundException($"No match has id {settings.Id}.");
        var m = detail.Match;
        await services.Audit.AppendAsync(ConsoleActor.Event(
            Application.Audit.AuditActions.ViewMatch, "match", m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"match with evidence; crime {m.Force}/{m.CrimeReference}; subject {m.OffenderReference ?? m.Tag}"), cancellationToken);
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
            amendments = detail.Amendments.Select(a => new
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
