using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Monitoring;

/// <summary>
/// One open stream of alert changes. A stream outlives the moment it was opened, so the door passes the actor as the
/// account stands now with every change (<see cref="SeenByAsync"/>): a caseload or role change applies to the next alert.
/// </summary>
/// <remarks>Used by one stream at a time (it keeps that stream's wearers' references).</remarks>
public sealed class AlertWatch
{
    private readonly IAlertFeed _feed;
    private readonly AlertVisibility _visibility;
    private IReadOnlyDictionary<OffenderId, OffenderReference> _references = new Dictionary<OffenderId, OffenderReference>();

    internal AlertWatch(IAlertFeed feed, AlertVisibility visibility)
    {
        _feed = feed;
        _visibility = visibility;
    }

    /// <summary>Whether the account may (still) watch alerts at all.</summary>
    public static bool MayWatch(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return AccessPolicy.Allows(actor.Role, Permission.ViewAlerts);
    }

    /// <summary>The changes published from when the enumeration starts until <paramref name="cancellationToken"/> ends it.</summary>
    public IAsyncEnumerable<AlertChange> ChangesAsync(CancellationToken cancellationToken) => _feed.SubscribeAsync(cancellationToken);

    /// <summary>The alert with its wearer's reference when <paramref name="current"/> may see it, otherwise null.</summary>
    public async Task<SeenAlert?> SeenByAsync(Actor current, Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(alert);
        OffenderReference? reference = null;
        if (alert.Offender is { } id)
        {
            if (!_references.ContainsKey(id))
            {
                // Someone enrolled since the stream opened.
                _references = await _visibility.ReferencesAsync(cancellationToken);
            }

            reference = _references.TryGetValue(id, out var found) ? found : null;
        }

        return MayWatch(current) && AlertVisibility.CanSee(current, reference) ? new SeenAlert(alert, reference) : null;
    }
}
