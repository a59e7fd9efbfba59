using NodaTime;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Application.Offenders;

/// <summary>Storage of the scheme's settings and of enrolled people.</summary>
public interface IOffenderStore
{
    /// <summary>The scheme's settings; the London pilot's until they are first saved.</summary>
    Task<SchemeSettings> GetSchemeAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the scheme's settings.</summary>
    Task SaveSchemeAsync(SchemeSettings scheme, CancellationToken cancellationToken = default);

    /// <summary>People being monitored on <paramref name="day"/> (monitoring start ≤ day ≤ monitoring end).</summary>
    Task<int> CountMonitoredAsync(LocalDate day, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds an enrolled person in one transaction, re-checking capacity on <paramref name="day"/> (the first day of
    /// monitoring) inside it so two concurrent enrolments cannot both take the last place. Returns false (and adds nothing) when the scheme is full.
    /// </summary>
    Task<bool> AddIfCapacityAsync(Offender offender, PersonalDetails details, RiskTierChange initialTier, int capacity, LocalDate day, Instant enrolledAt, CancellationToken cancellationToken = default);

    /// <summary>The next free sequence number for a pseudonymous reference.</summary>
    Task<int> NextReferenceSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>Everyone enrolled, by reference.</summary>
    Task<IReadOnlyList<Offender>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One person by reference, or null.</summary>
    Task<Offender?> FindAsync(OffenderReference reference, CancellationToken cancellationToken = default);

    /// <summary>References of people enrolled with the same given and family names (compared ignoring case and
    /// surrounding spaces) and date of birth as <paramref name="person"/>, by reference.</summary>
    Task<IReadOnlyList<OffenderReference>> FindSamePersonAsync(PersonalDetails person, CancellationToken cancellationToken = default);

    /// <summary>A person's identifying details.</summary>
    Task<PersonalDetails?> PersonalDetailsAsync(OffenderId id, CancellationToken cancellationToken = default);

    /// <summary>Saves changed fields of a person's record.</summary>
    Task UpdateAsync(Offender offender, CancellationToken cancellationToken = default);

    /// <summary>Saves the ended record and ends every wearing period of the person still open at
    /// <paramref name="wearingEndsAt"/> (at its own start if it begins later), in one transaction: from then on the
    /// tag's fixes are nobody's.</summary>
    Task EndAsync(Offender ended, Instant wearingEndsAt, CancellationToken cancellationToken = default);

    /// <summary>Records a risk-tier change and sets the current tier, in one transaction.</summary>
    Task ChangeRiskTierAsync(OffenderId id, RiskTierChange change, CancellationToken cancellationToken = default);

    /// <summary>A person's risk-tier history, oldest first.</summary>
    Task<IReadOnlyList<RiskTierChange>> RiskHistoryAsync(OffenderId id, CancellationToken cancellationToken = default);
}
