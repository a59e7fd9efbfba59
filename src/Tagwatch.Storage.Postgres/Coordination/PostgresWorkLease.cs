using Npgsql;
using Tagwatch.Application.Maintenance;

namespace Tagwatch.Storage.Postgres.Coordination;

/// <summary>One held lease: its connection, and a watch that checks the session every few seconds and declares the lease
/// lost (closing the connection, so the server frees the lock) the moment a check fails or goes unanswered.</summary>
internal sealed class PostgresWorkLease : IWorkLease
{
    private readonly AdvisoryLockKey _key;
    private readonly NpgsqlConnection _connection;
    private readonly TimeSpan _checkTimeout;
    private readonly SemaphoreSlim _gate = new(1, 1); // one command at a time on the connection
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stopWatch = new();
    private readonly Task _watch;
    private bool _disposed;

    public PostgresWorkLease(string name, AdvisoryLockKey key, NpgsqlConnection connection, TimeSpan checkEvery, TimeSpan checkTimeout)
    {
        Name = name;
        _key = key;
        _connection = connection;
        _checkTimeout = checkTimeout;
        Lost = _lost.Token;
        _watch = WatchAsync(checkEvery, _stopWatch.Token);
    }

    public string Name { get; }

    public CancellationToken Lost { get; }

    public async Task<bool> ConfirmAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await CheckAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopWatch.CancelAsync();
        await _watch;
        await _gate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (!_lost.IsCancellationRequested)
            {
                try
                {
                    await using var unlock = _connection.CreateCommand();
                    unlock.CommandText = "SELECT pg_advisory_unlock($1, $2)";
                    unlock.Parameters.Add(new NpgsqlParameter { Value = _key.Space });
                    unlock.Parameters.Add(new NpgsqlParameter { Value = _key.Key });
                    unlock.CommandTimeout = Math.Max(1, (int)_checkTimeout.TotalSeconds);
                    await unlock.ExecuteScalarAsync();
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    // The session is gone and the lock with it — or it lingers, and must not go back to the pool holding it.
                    await SessionEnd.CloseAsync(_connection);
                }
            }

            await _connection.DisposeAsync();
            await _lost.CancelAsync(); // given up: whatever still holds the token stops too
        }
        finally
        {
            _gate.Release();
        }

        _lost.Dispose();
        _stopWatch.Dispose();
        _gate.Dispose();
    }

    private async Task WatchAsync(TimeSpan every, CancellationToken stop)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (!await ConfirmAsync(stop))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // given up
        }
    }

    /// <summary>Runs a trivial query on the lease's session: if it answers, the session — and its lock — stands.</summary>
    private async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        if (_lost.IsCancellationRequested || _disposed)
        {
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_checkTimeout);
        try
        {
            await using var check = _connection.CreateCommand();
            check.CommandText = "SELECT 1";
            await check.ExecuteScalarAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            // Terminated, broken or unanswered: the lock may already be another node's. Ending the session makes sure
            // the server frees it if the session lingers.
            await SessionEnd.CloseAsync(_connection);
            await _lost.CancelAsync();
            return false;
        }
    }
}
