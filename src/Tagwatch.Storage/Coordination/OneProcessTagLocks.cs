using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Identity;

namespace Tagwatch.Storage.Coordination;

/// <summary>Tag locks for one server process on its own SQLite file: its one licence monitor is the only evaluator, so
/// there is nothing to wait for.</summary>
public sealed class OneProcessTagLocks : ITagMonitoringLocks
{
    /// <inheritdoc />
    public ValueTask<IAsyncDisposable> HoldAsync(TagId tag, CancellationToken cancellationToken = default) => ValueTask.FromResult<IAsyncDisposable>(Released.Instance);

    private sealed class Released : IAsyncDisposable
    {
        public static readonly Released Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
