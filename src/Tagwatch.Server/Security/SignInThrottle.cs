using System.Collections.Concurrent;

namespace Tagwatch.Server.Security;

/// <summary>
/// Limits failed sign-ins per address: after <see cref="ServerOptions.SignInAttemptsPerMinute"/> failures within a minute
/// of the first, the address is refused until that minute is over. Successful sign-ins are not counted, so a busy office
/// behind one address is never locked out by its own people signing in. Thread-safe.
/// </summary>
internal sealed class SignInThrottle(ServerOptions options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Beyond this many addresses, windows that have ended are dropped, so a scan of many addresses cannot grow it for ever.
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Failures)> _windows = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="address"/> must wait before trying again, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string address)
    {
        var now = clock.GetUtcNow();
        if (!_windows.TryGetValue(address, out var window) || now - window.Start >= Window || window.Failures < options.SignInAttemptsPerMinute)
        {
            return null;
        }

        return window.Start + Window - now;
    }

    /// <summary>Counts a failed sign-in from <paramref name="address"/>.</summary>
    public void Failed(string address)
    {
        var now = clock.GetUtcNow();
        _windows.AddOrUpdate(address, _ => (now, 1), (_, w) => now - w.Start >= Window ? (now, 1) : (w.Start, w.Failures + 1));
        if (_windows.Count > PruneAbove)
        {
            foreach (var (key, w) in _windows)
            {
                if (now - w.Start >= Window)
                {
                    _windows.TryRemove(key, out _);
                }
            }
        }
    }
}
