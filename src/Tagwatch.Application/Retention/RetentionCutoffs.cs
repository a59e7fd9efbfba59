using NodaTime;

namespace Tagwatch.Application.Retention;

/// <summary>The instants before which each kind of data is due for deletion.</summary>
public sealed record RetentionCutoffs(Instant Trails, Instant RawFrames, Instant Alerts, Instant Matches, Instant Crimes, Instant Audit)
{
    /// <summary>A person whose monitoring ended before this instant is due for erasure; <see cref="Instant.MinValue"/>
    /// (the default) erases no one.</summary>
    public Instant Identity { get; init; } = Instant.MinValue;

    public static RetentionCutoffs From(RetentionPolicy policy, Instant now) => new(
        now - Duration.FromDays(policy.TrailDays), now - Duration.FromDays(policy.RawFrameDays), now - Duration.FromDays(policy.AlertDays),
        now - Duration.FromDays(policy.MatchDays), now - Duration.FromDays(policy.CrimeDays), now - Duration.FromDays(policy.AuditDays))
    {
        Identity = now - Duration.FromDays(policy.IdentityDays),
    };
}
