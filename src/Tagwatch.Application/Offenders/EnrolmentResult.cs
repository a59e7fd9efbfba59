using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Application.Offenders;

/// <summary>The decision on an enrolment and, when accepted, the new record.</summary>
public sealed record EnrolmentResult(EnrolmentDecision Decision, Offender? Offender)
{
    /// <summary>People already enrolled with the same given and family names (ignoring case and spacing) and date of
    /// birth: probably the same person enrolled twice.</summary>
    /// <remarks>A warning, not a refusal: a person recalled and released again is rightly enrolled again, so the
    /// enrolment goes ahead and whoever enrols is told which record to check (and end, if it is a mistake).</remarks>
    public IReadOnlyList<OffenderReference> LikelyDuplicates { get; init; } = [];

    /// <summary>What the person enrolling should check, as sentences; empty when nothing needs checking.</summary>
    public IReadOnlyList<string> Warnings => LikelyDuplicates.Count == 0
        ? []
        : [$"likely duplicate: {string.Join(", ", LikelyDuplicates)} already enrolled with the same name and date of birth; check it is not the same person"];
}
