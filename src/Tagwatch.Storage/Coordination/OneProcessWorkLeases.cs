using Tagwatch.Application.Maintenance;

namespace Tagwatch.Storage.Coordination;

/// <summary>
/// Work leases for one server process on its own SQLite file: there is no other node to share with, so every lease is
/// held at once and never lost — the workers behave as they did before leases existed.
/// </summary>
public sealed class OneProcessWorkLeases : IWorkLeases
{
    /// <inheritdoc />
    public Task<IWorkLease?> TryTakeAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Task.FromResult<IWorkLease?>(new AlwaysHeld(name));
    }

    private sealed class AlwaysHeld(string name) : IWorkLease
    {
        public string Name { get; } = name;

        public CancellationToken Lost => CancellationToken.None;

        public Task<bool> ConfirmAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
