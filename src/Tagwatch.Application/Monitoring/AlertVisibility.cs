using Tagwatch.Application.Offenders;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;

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

    /// <summary>
    /// The people whose alerts <paramref name="actor"/> may see, or null when they may see every alert, an unworn tag's
    /// included (the monitoring centre; a probation officer over everyone).
    /// </summary>
    public static IReadOnlyCollection<OffenderId>? VisibleWearers(Actor actor, IEnumerable<Offender> people) =>
        actor.Role == Role.MonitoringOfficer || (actor.Role == Role.ProbationOfficer && actor.CaseloadOfEveryone)
            ? null
            : [.. people.Where(o => CanSee(actor, o.Reference)).Select(o => o.Id)];

    /// <summary>Everyone on record.</summary>
    public Task<IReadOnlyList<Offender>> PeopleAsync(CancellationToken cancellationToken) => offenders.ListAsync(cancellationToken);

    /// <summary>Every person's reference by their identifier, to name the wearer of each alert.</summary>
    public async Task<IReadOnlyDictionary<OffenderId, OffenderReference>> ReferencesAsync(CancellationToken cancellationToken) =>
        (await offenders.ListAsync(cancellationToken)).ToDictionary(o => o.Id, o => o.Reference);
}
