using NodaTime;
using NodaTime.Text;
using Tagwatch.Core.Identity;

namespace Tagwatch.Core.Tags;

/// <summary>
/// The rules every record of who wore which tag keeps, because they decide whose every fix is: the wearing periods of
/// one tag never overlap, and one person wears one tag at a time. Fitting a person with a tag ends, at the same
/// instant, the tag's open period with someone else (the tag was handed back) and the person's open period with another
/// tag (a swap: the old tag comes off as the new one goes on). A fitting that would cut into a wearing period that has
/// already ended, or that starts before an open one began, is refused: it would rewrite history rather than add to it.
/// </summary>
/// <remarks>Pure: the stores apply <see cref="Plan"/> inside the transaction that records the fitting. Whether stored
/// fixes would change hands is the use case's question (it needs the fix store): see
/// <see cref="ChangedHandsRefusal"/>.</remarks>
public static class WearingRules
{
    /// <summary>What fitting <paramref name="tag"/> to <paramref name="person"/> from <paramref name="from"/> would
    /// do to <paramref name="history"/> (every wearing period on record, of every tag).</summary>
    public static FittingPlan Plan(TagId tag, OffenderId person, Instant from, IReadOnlyList<TagAssignment> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var ended = new List<TagAssignment>();
        foreach (var period in history)
        {
            bool sameTag = period.Tag == tag, samePerson = period.Offender == person;
            if (!sameTag && !samePerson)
            {
                continue;
            }

            string whose = sameTag ? $"Tag {tag}" : $"The person wears tag {period.Tag}, which";
            if (period.To is { } to)
            {
                if (to > from)
                {
                    return Refused(sameTag
                        ? $"Tag {tag} was worn from {Format(period.From)} to {Format(to)}; a fitting from {Format(from)} would overlap that wearing period."
                        : $"The person wore tag {period.Tag} from {Format(period.From)} to {Format(to)}; one person wears one tag at a time, so a fitting from {Format(from)} would overlap it.");
                }

                continue;
            }

            if (sameTag && samePerson)
            {
                return Refused($"Tag {tag} is worn by this person already (since {Format(period.From)}).");
            }

            if (period.From >= from)
            {
                return Refused($"{whose} is worn from {Format(period.From)}, not before {Format(from)}; a fitting from {Format(from)} would rewrite that wearing period.");
            }

            ended.Add(period);
        }

        return new FittingPlan(null, ended);
    }

    /// <summary>Why a fitting from <paramref name="from"/> may not be recorded as an ordinary fitting: some stored fix
    /// of <paramref name="tag"/> — the tag being fitted, or one whose wearing period the fitting ends — is at or after
    /// <paramref name="from"/> (its latest at <paramref name="latestFix"/>), so recording it would change whose those
    /// fixes are. Null when none is.</summary>
    /// <remarks>Such a change is made only as an explicit correction, with a reason, audited, and with correlation
    /// of the span re-queued.</remarks>
    public static string? ChangedHandsRefusal(TagId tag, Instant from, Instant? latestFix) =>
        latestFix is { } latest && latest >= from
            ? $"Tag {tag} has fixes stored from {Format(from)} on (the latest at {Format(latest)}); a fitting from {Format(from)} would change whose they are. Fit from a later instant, or record it as a correction with its reason."
            : null;

    private static FittingPlan Refused(string reason) => new(reason, []);

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
