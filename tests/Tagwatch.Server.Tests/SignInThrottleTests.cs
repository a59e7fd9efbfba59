using Microsoft.Extensions.Time.Testing;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Tests;

public sealed class SignInThrottleTests
{
    [Fact]
    public void RetryAfter_AfterTheAllowedFailures_RefusesUntilTheMinuteFromTheFirstIsOver()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var throttle = new SignInThrottle(new ServerOptions { SignInAttemptsPerMinute = 2 }, clock);

        throttle.Failed("10.0.0.1");
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Null(throttle.RetryAfter("10.0.0.1"));
        throttle.Failed("10.0.0.1");

        Assert.Equal(TimeSpan.FromSeconds(40), throttle.RetryAfter("10.0.0.1"));
        Assert.Null(throttle.RetryAfter("10.0.0.2"));
        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Null(throttle.RetryAfter("10.0.0.1"));
    }
}
