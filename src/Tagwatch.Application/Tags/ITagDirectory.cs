using NodaTime;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;

namespace Tagwatch.Application.Tags;

/// <summary>The device registry: which tags exist and who wears them.</summary>
public interface ITagDirectory
{
    /// <summary>The tags among <paramref name="ids"/> that are registered.</summary>
    Task<IReadOnlySet<TagId>> FindRegisteredAsync(IReadOnlyCollection<TagId> ids, CancellationToken cancellationToken = default);

    /// <summary>The registered tags among <paramref name="ids"/>, with their protocol and model.</summary>
    Task<IReadOnlyList<Tag>> FindAsync(IReadOnlyCollection<TagId> ids, CancellationToken cancellationToken = default);

    /// <summary>Registers tags that are not yet registered; existing ones are left as they are.</summary>
    Task RegisterAsync(IReadOnlyCollection<Tag> tags, CancellationToken cancellationToken = default);

    /// <summary>All registered tags.</summary>
    Task<IReadOnlyList<Tag>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts a wearing period under <see cref="WearingRules.Plan"/>, in one transaction: the tag's open period
    /// with someone else and the person's open period with another tag (a swap) end at <paramref name="from"/>.</summary>
    /// <remarks>Whether stored fixes would change hands is not checked here: fittings by people go through
    /// <see cref="TagFitting"/>, which refuses that.</remarks>
    /// <exception cref="KeyNotFoundException">The tag is not registered or the person not enrolled.</exception>
    /// <exception cref="Core.NotAllowedNowException">The person's monitoring ended before <paramref name="from"/>, or the
    /// fitting would overlap a wearing period of the tag or of the person.</exception>
    Task AssignAsync(TagId tag, OffenderId offender, Instant from, CancellationToken cancellationToken = default);

    /// <summary>Records a fitting as <see cref="AssignAsync"/> does, as a correction of the record over stored fixes: the
    /// span from <paramref name="from"/> to now is queued for correlation in the same transaction, since whose fixes are
    /// whose changed in it.</summary>
    /// <exception cref="KeyNotFoundException">The tag is not registered or the person not enrolled.</exception>
    /// <exception cref="Core.NotAllowedNowException">As for <see cref="AssignAsync"/>.</exception>
    Task CorrectAssignmentAsync(TagId tag, OffenderId offender, Instant from, CancellationToken cancellationToken = default);

    /// <summary>Ends the tag's open wearing period at <paramref name="at"/> (the tag came off), in one transaction.</summary>
    /// <remarks>Whether stored fixes would change hands is not checked here: returns go through <see cref="ReturnTag"/>.</remarks>
    /// <exception cref="KeyNotFoundException">The tag is not registered.</exception>
    /// <exception cref="Core.NotAllowedNowException">Nobody wears the tag, or its wearing period began at or after <paramref name="at"/>.</exception>
    Task EndAssignmentAsync(TagId tag, Instant at, CancellationToken cancellationToken = default);

    /// <summary>Every wearing period as recorded, oldest first: the device's history.</summary>
    Task<IReadOnlyList<TagAssignment>> AssignmentsAsync(CancellationToken cancellationToken = default);

    /// <summary>The periods in which a tag's fixes are its wearer's, oldest first: each wearing period cut to the
    /// wearer's monitoring period (<see cref="Core.Offenders.Offender.MonitoringPeriod"/>).</summary>
    /// <remarks>Everything that raises alerts, shows or exports a person's positions or matches them to crimes reads
    /// these, not <see cref="AssignmentsAsync"/>: a tag's fixes outside them — after monitoring ended, by an end or by
    /// reaching the last day, or before it began — are kept as device data but are nobody's. A wearing period of
    /// someone not enrolled counts for nothing.</remarks>
    Task<IReadOnlyList<TagAssignment>> MonitoredAssignmentsAsync(CancellationToken cancellationToken = default);
}
