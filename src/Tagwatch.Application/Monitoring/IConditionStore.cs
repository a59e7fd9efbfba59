using NodaTime;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Monitoring;

/// <summary>Licence conditions and their suspension windows.</summary>
public interface IConditionStore
{
    /// <summary>Stores a condition (its <see cref="LicenceCondition.Id"/> is ignored) and returns it with its ID. It
    /// applies from its stated <see cref="LicenceCondition.AppliesFrom"/> when one is set, else from now.</summary>
    /// <remarks>The store keeps what it is given: the caller has checked the condition with
    /// <see cref="ConditionCheck"/> (the use case <c>AddCondition</c> does), so no store repeats the rules.</remarks>
    /// <exception cref="KeyNotFoundException">The person is not enrolled.</exception>
    Task<LicenceCondition> AddAsync(LicenceCondition condition, double bufferMetres, string createdBy, CancellationToken cancellationToken = default);

    /// <summary>Conditions in force, of one person or of everyone.</summary>
    Task<IReadOnlyList<LicenceCondition>> ActiveAsync(OffenderId? offender = null, CancellationToken cancellationToken = default);

    /// <summary>The condition with <paramref name="id"/> if it is in force (not ended), else null.</summary>
    Task<LicenceCondition?> FindInForceAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Ends a condition; false when there is none with that ID.</summary>
    Task<bool> EndAsync(long id, string by, CancellationToken cancellationToken = default);

    /// <summary>Ends condition <paramref name="id"/> now and stores <paramref name="replacement"/> (its ID ignored),
    /// applying from now, in one transaction; suspensions of the old condition not yet over carry over. Null when
    /// there is no such condition in force (never ended, or ended meanwhile by another writer).</summary>
    /// <remarks>As with <see cref="AddAsync"/>, the caller has checked the replacement.</remarks>
    Task<LicenceCondition?> ReplaceAsync(long id, LicenceCondition replacement, double bufferMetres, string by, CancellationToken cancellationToken = default);

    /// <summary>Suspends a condition over [from, to) with a reason (a breach starting then raises no alert); the
    /// caller has checked that the window ends after it starts and that the reason is stated.</summary>
    /// <exception cref="KeyNotFoundException">There is no condition <paramref name="id"/>.</exception>
    Task SuspendAsync(long id, Instant from, Instant to, string reason, string by, CancellationToken cancellationToken = default);

    /// <summary>The suspension windows of a condition.</summary>
    Task<IReadOnlyList<Interval>> SuspensionsAsync(long id, CancellationToken cancellationToken = default);
}
