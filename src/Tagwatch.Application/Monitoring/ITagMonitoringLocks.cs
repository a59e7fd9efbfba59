using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Monitoring;

/// <summary>
/// One lock per tag around the licence monitor's evaluate-and-open: when the same tag's fixes or device reports reach
/// two server nodes (a device reconnects to the other node), their monitors take turns on that tag, so the second
/// sees the alert the first opened and folds into it instead of opening it again.
/// </summary>
/// <remarks>Thread-safe. A holder that dies releases its locks with it.</remarks>
public interface ITagMonitoringLocks
{
    /// <summary>Waits until no other node evaluates <paramref name="tag"/>, then holds it until the result is disposed.</summary>
    ValueTask<IAsyncDisposable> HoldAsync(TagId tag, CancellationToken cancellationToken = default);
}
