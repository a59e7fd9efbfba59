using NodaTime;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;

namespace Tagwatch.Core.Offenders;

/// <summary>A person enrolled on the scheme, as seen by everyone who may see pseudonymous data.</summary>
/// <remarks>Names and date of birth are not here: they are <see cref="PersonalDetails"/>, kept and released separately.</remarks>
public sealed record Offender
{
    private static readonly DateTimeZone UkTime = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>Internal identity.</summary>
    public required OffenderId Id { get; init; }

    /// <summary>Pseudonymous reference.</summary>
    public required OffenderReference Reference { get; init; }

    /// <summary>Offences the custodial sentence was for.</summary>
    public required IReadOnlyList<IndexOffence> IndexOffences { get; init; }

    /// <summary>Current risk tier (history in <see cref="RiskTierChange"/>).</summary>
    public required RiskTier RiskTier { get; init; }

    /// <summary>ONS code of the borough of the release address.</summary>
    public required string HomeBoroughCode { get; init; }

    /// <summary>The release address as a point.</summary>
    public required GeoPoint HomeAddress { get; init; }

    /// <summary>First day of the licence.</summary>
    public required LocalDate LicenceStart { get; init; }

    /// <summary>Last day of the licence.</summary>
    public required LocalDate LicenceEnd { get; init; }

    /// <summary>First day of GPS monitoring.</summary>
    public required LocalDate MonitoringStart { get; init; }

    /// <summary>Last day of GPS monitoring.</summary>
    public required LocalDate MonitoringEnd { get; init; }

    /// <summary>Lifecycle state.</summary>
    public required OffenderStatus Status { get; init; }

    /// <summary>Why monitoring ended, when it has.</summary>
    public string? EndReason { get; init; }

    /// <summary>The lifecycle state on <paramref name="day"/>: the stored state moves on with the calendar (an enrolment
    /// becomes active on its first day of monitoring and ends after its last).</summary>
    public OffenderStatus StatusOn(LocalDate day) =>
        Status == OffenderStatus.Ended || day > MonitoringEnd ? OffenderStatus.Ended
        : day >= MonitoringStart ? OffenderStatus.Active
        : OffenderStatus.Enrolled;

    /// <summary>True when the person is monitored on <paramref name="day"/> (ending early moves the monitoring end).</summary>
    public bool IsMonitoredOn(LocalDate day) => MonitoringStart <= day && day <= MonitoringEnd;

    /// <summary>The instants monitoring covers: from the start of the first day of monitoring to the end of the last,
    /// in UK time (the dates are the licence's, which are UK dates).</summary>
    /// <remarks>A tag's fixes are the person's only inside this period (and inside the tag's wearing period): this is
    /// what ends monitoring on the last day even when nobody records the end.</remarks>
    public Interval MonitoringPeriod => new(
        UkTime.AtStartOfDay(MonitoringStart).ToInstant(),
        UkTime.AtStartOfDay(MonitoringEnd.PlusDays(1)).ToInstant());

    /// <summary>Why a tag may not be fitted to this person from <paramref name="from"/>, or null when it may.</summary>
    /// <remarks>A wearing period wholly after monitoring ended would make the tag's fixes nobody's: every store that
    /// records a fitting asks this first.
    /// A person whose monitoring was ended is fitted with no tag at all, even later on their last day: ending stopped the
    /// wearing at that instant, and a new fitting would put them back among the live positions until midnight.</remarks>
    public string? FittingRefusal(Instant from) =>
        from >= MonitoringPeriod.End || Status == OffenderStatus.Ended
            ? $"Monitoring of {Reference} ended on {MonitoringEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}; a tag fitted after that is not theirs."
            : null;
}
