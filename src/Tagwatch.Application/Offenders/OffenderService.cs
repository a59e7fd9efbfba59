using NodaTime;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Application.Offenders;

/// <summary>Enrolment and the lifecycle of monitored people, under the scheme's rules.</summary>
public sealed class OffenderService(IOffenderStore store, BoroughMap boroughs, TimeProvider clock)
{
    private static readonly DateTimeZone UkTime = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>Today in UK local time.</summary>
    public LocalDate Today => Now.InZone(UkTime).Date;

    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    /// <summary>Checks the request against the scheme and, when every rule passes, enrols the person; a person
    /// already enrolled with the same names and date of birth is a warning in the result
    /// (<see cref="EnrolmentResult.LikelyDuplicates"/>), not a refusal.</summary>
    /// <param name="request">The enrolment.</param>
    /// <param name="reference">A reference to use; a new <c>TW-nnnnn</c> one when null.</param>
    /// <exception cref="ArgumentException">The reference is already in use.</exception>
    public async Task<EnrolmentResult> EnrolAsync(EnrolmentRequest request, OffenderReference? reference = null, CancellationToken cancellationToken = default)
    {
        var scheme = await store.GetSchemeAsync(cancellationToken);
        // Capacity is counted on the day the new monitoring would start.
        int monitored = await store.CountMonitoredAsync(request.LicenceStart, cancellationToken);
        var decision = EnrolmentRules.Evaluate(scheme, request, monitored, boroughs);
        var duplicates = await store.FindSamePersonAsync(request.Person, cancellationToken);
        if (!decision.IsAccepted)
        {
            return new EnrolmentResult(decision, null) { LikelyDuplicates = duplicates };
        }

        var chosen = reference ?? OffenderReference.FromSequence(await store.NextReferenceSequenceAsync(cancellationToken));
        if (await store.FindAsync(chosen, cancellationToken) is not null)
        {
            throw new ArgumentException($"Offender reference {chosen} is already in use.", nameof(reference));
        }

        var offender = new Offender
        {
            Id = OffenderId.New(),
            Reference = chosen,
            IndexOffences = request.IndexOffences,
            RiskTier = request.RiskTier,
            HomeBoroughCode = decision.HomeBorough!.Code,
            HomeAddress = request.ReleaseAddress,
            LicenceStart = request.LicenceStart,
            LicenceEnd = request.LicenceEnd,
            MonitoringStart = decision.MonitoringStart,
            MonitoringEnd = decision.MonitoringEnd,
            Status = decision.MonitoringStart <= Today ? OffenderStatus.Active : OffenderStatus.Enrolled,
        };
        var initialTier = new RiskTierChange(request.RiskTier, request.LicenceStart, "assessed at enrolment", Now);
        if (!await store.AddIfCapacityAsync(offender, request.Person, initialTier, scheme.Capacity, request.LicenceStart, Now, cancellationToken))
        {
            var full = decision with { Refusals = [(EnrolmentRule.Capacity, $"the scheme became full ({scheme.Capacity} places) while enrolling")] };
            return new EnrolmentResult(full, null) { LikelyDuplicates = duplicates };
        }

        return new EnrolmentResult(decision, offender) { LikelyDuplicates = duplicates };
    }

    /// <summary>Everyone enrolled.</summary>
    public Task<IReadOnlyList<Offender>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(cancellationToken);

    /// <summary>One person's record with identifying details and risk history.</summary>
    /// <exception cref="KeyNotFoundException">No one has that reference.</exception>
    public async Task<(Offender Offender, PersonalDetails? Person, IReadOnlyList<RiskTierChange> RiskHistory)> ShowAsync(OffenderReference reference, CancellationToken cancellationToken = default)
    {
        var offender = await RequireAsync(reference, cancellationToken);
        return (offender, await store.PersonalDetailsAsync(offender.Id, cancellationToken), await store.RiskHistoryAsync(offender.Id, cancellationToken));
    }

    /// <summary>Ends monitoring on <paramref name="lastDay"/> (today, at this instant, when null) with a reason; the
    /// person's tag stops being theirs then (see <see cref="IOffenderStore.EndAsync"/>).</summary>
    /// <exception cref="KeyNotFoundException">No one has that reference.</exception>
    /// <exception cref="InvalidOperationException">Monitoring already ended.</exception>
    public async Task<Offender> EndAsync(OffenderReference reference, string reason, LocalDate? lastDay = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A reason for ending monitoring is required.", nameof(reason));
        }

        var offender = await RequireAsync(reference, cancellationToken);
        if (offender.Status == OffenderStatus.Ended)
        {
            throw new Core.NotAllowedNowException($"Monitoring of {reference} already ended ({offender.EndReason}).");
        }

        var end = lastDay ?? Today;
        var ended = offender with
        {
            Status = OffenderStatus.Ended,
            EndReason = reason.Trim(),
            MonitoringEnd = end < offender.MonitoringEnd ? end : offender.MonitoringEnd,
        };

        // Ending now ends the tag's wearing period now, not at midnight: a fix a minute later is already nobody's.
        // A stated last day ends it at that day's end, as the monitoring period does.
        var monitoredUntil = ended.MonitoringPeriod.End;
        await store.EndAsync(ended, lastDay is null ? Instant.Min(Now, monitoredUntil) : monitoredUntil, cancellationToken);
        return ended;
    }

    /// <summary>Sets a new risk tier from <paramref name="effectiveFrom"/> (today when null), keeping the history.</summary>
    /// <exception cref="KeyNotFoundException">No one has that reference.</exception>
    public async Task<RiskTierChange> ChangeRiskTierAsync(OffenderReference reference, RiskTier tier, string reason, LocalDate? effectiveFrom = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A reason for the risk-tier change is required.", nameof(reason));
        }

        var offender = await RequireAsync(reference, cancellationToken);
        var change = new RiskTierChange(tier, effectiveFrom ?? Today, reason.Trim(), Now);
        await store.ChangeRiskTierAsync(offender.Id, change, cancellationToken);
        return change;
    }

    private async Task<Offender> RequireAsync(OffenderReference reference, CancellationToken cancellationToken) =>
        await store.FindAsync(reference, cancellationToken)
        ?? throw new KeyNotFoundException($"No offender has reference {reference}.");
}
