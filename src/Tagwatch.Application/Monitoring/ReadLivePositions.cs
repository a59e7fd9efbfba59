using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Tags;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Monitoring;

/// <summary>
/// Where every tag worn now last was (its latest fix of the last 12 hours) and when it was last heard, for the
/// monitoring centre; a borough-scoped actor sees no tag whose last position lies outside their boroughs. Audited.
/// </summary>
public sealed class ReadLivePositions(ITagDirectory tags, IFixStore fixes, IIngestStore ingest, AlertVisibility visibility, IAuditLog audit, TimeProvider clock)
{
    /// <summary>How far back a tag's latest fix is looked for.</summary>
    public static readonly Duration Lookback = Duration.FromHours(12);

    public async Task<UseCaseResult<LivePositions>> ExecuteAsync(Actor actor, ReadLivePositionsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ViewLivePositions))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.ViewLivePositions)}.");
        }

        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var worn = (await tags.MonitoredAssignmentsAsync(cancellationToken)).Where(a => a.Covers(now)).ToList();
        var references = await visibility.ReferencesAsync(cancellationToken);
        var contacts = (await ingest.ContactsAsync(cancellationToken)).ToDictionary(c => c.Tag);
        var positions = new List<LivePosition>(worn.Count);
        foreach (var assignment in worn)
        {
            // A minute ahead: a fix stamped by a device clock a little fast is still the latest.
            var recent = await fixes.ReadAsync(assignment.Tag, now - Lookback, now + Duration.FromMinutes(1), cancellationToken);
            var last = recent.Count > 0 ? recent[^1] : (Core.Fixes.Fix?)null;
            if (last is { } fix && !AccessPolicy.CoversPosition(actor, fix.Position))
            {
                continue;
            }

            contacts.TryGetValue(assignment.Tag, out var contact);
            positions.Add(new LivePosition(
                assignment.Tag, references.TryGetValue(assignment.Offender, out var reference) ? reference : null, last, contact?.LastContact, contact?.BatteryPercent));
        }

        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ViewPositions, "tag", null, $"live positions of {positions.Count} active tags"), cancellationToken);
        return new LivePositions(positions);
    }
}
