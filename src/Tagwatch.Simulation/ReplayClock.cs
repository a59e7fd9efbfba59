using NodaTime;

namespace Tagwatch.Simulation;

/// <summary>A clock that follows another except while held at an instant, so a simulated history can be staged with
/// the times it would have had (a licence condition set on the day of release), then run on in the present.</summary>
/// <remarks>Not thread-safe: hold and release it from the one flow that stages the history.</remarks>
public sealed class ReplayClock(TimeProvider inner) : TimeProvider
{
    private DateTimeOffset? _held;

    /// <summary>Stops the clock at <paramref name="at"/> until <see cref="Release"/>.</summary>
    public void Hold(Instant at) => _held = at.ToDateTimeOffset();

    /// <summary>Lets the clock follow the inner one again.</summary>
    public void Release() => _held = null;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _held ?? inner.GetUtcNow();

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => inner.TimestampFrequency;

    /// <inheritdoc />
    public override long GetTimestamp() => inner.GetTimestamp();
}
