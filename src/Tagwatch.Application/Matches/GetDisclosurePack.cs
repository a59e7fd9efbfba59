using System.Globalization;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Disclosure;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Matches;

namespace Tagwatch.Application.Matches;

/// <summary>
/// The disclosure pack of a disclosed match the actor may see, assembled for a door to render (the API as PDF, the
/// console into a file); audited here, before the pack leaves, with the same text from every door.
/// </summary>
public sealed class GetDisclosurePack(MatchVisibility visibility, DisclosurePackBuilder builder, IAuditLog audit, TimeProvider clock)
{
    public async Task<UseCaseResult<DisclosurePack>> ExecuteAsync(Actor actor, MatchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await visibility.FindAsync(actor, request.Id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var match = found.Value.Match;
        if (match.State != MatchWorkflow.Name(MatchState.Disclosed))
        {
            return UseCaseFailure.Conflict($"Match {request.Id}: a disclosure pack is produced for disclosed matches; this one is {match.State}.");
        }

        var pack = await builder.BuildAsync(request.Id, $"{actor.Username} ({actor.Role})", Instant.FromDateTimeOffset(clock.GetUtcNow()), cancellationToken);
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.Export, "match", request.Id.ToString(CultureInfo.InvariantCulture),
            $"disclosure pack; crime {match.Force}/{match.CrimeReference}; subject {match.OffenderReference ?? match.Tag}",
            pack.Disclosure.Reason, pack.Disclosure.DisclosedTo), cancellationToken);
        return pack;
    }
}
