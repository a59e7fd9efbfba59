using Tagwatch.Application.Offenders;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Monitoring;

/// <summary>
/// Which alerts an actor may see: the monitoring centre every alert, a probation officer those of people on their
/// caseload; an alert of a tag nobody monitored wore is the centre's alone. The one rule for the list, the detail and the
/// live stream.
/// </summary>
public sealed class AlertVisibility(IOffenderStore offenders)
{
    /// <summary>Whether <paramref name="actor"/> may see an alert about the person with <paramref name="reference"/> (null: nobody's).</summary>
    public static bool CanSee(Actor actor, OffenderReference? reference) =>
        AccessPolicy.CoversOffender(actor, reference?.ToString() ?? "");

    /// <summary>Every person's reference by their identifier, to name the wearer of each alert.</summary>
    public async Task<IReadOnlyDictionary<OffenderId, OffenderReference>> ReferencesAsync(CancellationToken cancellationToken) =>
        (await offenders.ListAsync(cancellationToken)).ToDictionary(o => o.Id, o => o.Reference);

    /// <summary>Every person's home borough code by their identifier: where the alerts of their tag belong.</summary>
    public async Task<IReadOnlyDictionary<OffenderId, string>> HomeBoroughsAsync(CancellationToken cancellationToken) =>
        (await offenders.ListAsync(cancellationToken)).ToDictionary(o => o.Id, o => o.HomeBoroughCode);
}
