using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Tagwatch.Application.Monitoring;

namespace Tagwatch.Storage.Postgres.Coordination;

/// <summary>
/// The live alert feed across server nodes on PostgreSQL LISTEN/NOTIFY: a change published on any node is sent as a
/// notification carrying the alert's id and what happened to it (never personal data); every node listens on one
/// connection of its own, reads the alert as stored, and hands it to its own subscribers (<see cref="AlertFeed"/>).
/// A browser on one node so sees an alert raised on another.
/// </summary>
/// <remarks>
/// Publishing only queues the notice: monitoring never waits on the feed. The node's own changes come back through its
/// listener like everyone else's, so every subscriber sees one order. A listening connection that breaks is opened
/// again (changes made while it was down are not replayed: the alerts page reads the queue afresh whenever its stream
/// opens). Thread-safe; disposing stops sending and listening.
/// </remarks>
public sealed class PostgresAlertFeed : IAlertFeed, IAsyncDisposable
{
    /// <summary>The notification channel.</summary>
    public const string ChannelName = "tagwatch_alert_changes";

    private static readonly Action<ILogger, Exception?> ListenFailed = LoggerMessage.Define(
        LogLevel.Warning, new EventId(1, nameof(ListenFailed)), "Alert feed: the listening connection failed; listening again shortly");

    private static readonly Action<ILogger, int, Exception?> SendFailed = LoggerMessage.Define<int>(
        LogLevel.Warning, new EventId(2, nameof(SendFailed)), "Alert feed: {Count} change notices could not be sent to the other nodes");

    private static readonly Action<ILogger, long, Exception?> DeliverFailed = LoggerMessage.Define<long>(
        LogLevel.Warning, new EventId(3, nameof(DeliverFailed)), "Alert feed: alert {AlertId} could not be read for its subscribers");

    private readonly PostgresDatabase _database;
    private readonly AlertFeed _local;
    private readonly IAlertStore _alerts;
    private readonly ILogger _logger;
    private readonly Channel<(long Id, string Action)> _outgoing = Channel.CreateBounded<(long, string)>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly Channel<(long Id, string Action)> _incoming = Channel.CreateBounded<(long, string)>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sender;
    private readonly Task _listener;
    private readonly Task _deliverer;

    /// <summary>Starts sending and listening.</summary>
    /// <param name="database">The shared database.</param>
    /// <param name="local">This node's subscribers.</param>
    /// <param name="alerts">Where a notified alert is read.</param>
    /// <param name="logger">Failures of the feed's connections (ids only).</param>
    public PostgresAlertFeed(PostgresDatabase database, AlertFeed local, IAlertStore alerts, ILogger<PostgresAlertFeed>? logger = null)
    {
        _database = database;
        _local = local;
        _alerts = alerts;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _sender = Task.Run(() => SendAsync(_stop.Token));
        _listener = Task.Run(() => ListenAsync(_stop.Token));
        _deliverer = Task.Run(() => DeliverAsync(_stop.Token));
    }

    /// <summary>How long the listening connection may stay quiet before it is checked.</summary>
    public static TimeSpan CheckQuietListenerEvery { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Completes once this node listens (the first time).</summary>
    public Task Listening => _listening.Task;

    /// <inheritdoc />
    public void Publish(Alert alert, string action)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        _outgoing.Writer.TryWrite((alert.Id, action));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<AlertChange> SubscribeAsync(CancellationToken cancellationToken = default) => _local.SubscribeAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _outgoing.Writer.TryComplete();
        await _sender; // what was published is still sent
        await _stop.CancelAsync();
        _incoming.Writer.TryComplete();
        await Task.WhenAll(_listener, _deliverer);
        _stop.Dispose();
    }

    /// <summary>The notice's text: the id and the action, nothing else.</summary>
    public static string Payload(long id, string action) => id.ToString(CultureInfo.InvariantCulture) + ":" + action;

    private async Task SendAsync(CancellationToken stop)
    {
        var batch = new List<(long Id, string Action)>();
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(stop))
            {
                batch.Clear();
                while (batch.Count < 500 && _outgoing.Reader.TryRead(out var notice))
                {
                    batch.Add(notice);
                }

                try
                {
                    await using var connection = await _database.OpenConnectionAsync(stop);
                    await using var send = new NpgsqlBatch(connection);
                    foreach (var (id, action) in batch)
                    {
                        var command = new NpgsqlBatchCommand("SELECT pg_notify($1, $2)");
                        command.Parameters.Add(new NpgsqlParameter { Value = ChannelName });
                        command.Parameters.Add(new NpgsqlParameter { Value = Payload(id, action) });
                        send.BatchCommands.Add(command);
                    }

                    await send.ExecuteNonQueryAsync(stop);
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    SendFailed(_logger, batch.Count, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task ListenAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _database.OpenConnectionAsync(stop);
                connection.Notification += OnNotification;
                try
                {
                    await using (var listen = connection.CreateCommand())
                    {
                        listen.CommandText = $"LISTEN {ChannelName}";
                        await listen.ExecuteNonQueryAsync(stop);
                    }

                    _listening.TrySetResult();
                    while (!stop.IsCancellationRequested)
                    {
                        if (!await connection.WaitAsync(CheckQuietListenerEvery, stop))
                        {
                            // Quiet: make sure the connection still stands (a broken one throws here).
                            await using var check = connection.CreateCommand();
                            check.CommandText = "SELECT 1";
                            await check.ExecuteScalarAsync(stop);
                        }
                    }
                }
                finally
                {
                    connection.Notification -= OnNotification;
                    await StopListeningAsync(connection);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                ListenFailed(_logger, ex);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    // A pooled connection is reset only when next used: it must not wait in the pool still listening.
    private static async Task StopListeningAsync(NpgsqlConnection connection)
    {
        try
        {
            await using var unlisten = connection.CreateCommand();
            unlisten.CommandText = "UNLISTEN *";
            await unlisten.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
        {
            NpgsqlConnection.ClearPool(connection); // broken or busy: close it rather than pool it
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        int colon = e.Payload.IndexOf(':', StringComparison.Ordinal);
        if (e.Channel == ChannelName && colon > 0 && long.TryParse(e.Payload.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out long id))
        {
            _incoming.Writer.TryWrite((id, e.Payload[(colon + 1)..]));
        }
    }

    private async Task DeliverAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var (id, action) in _incoming.Reader.ReadAllAsync(stop))
            {
                try
                {
                    if (await _alerts.FindAsync(id, stop) is { } alert)
                    {
                        _local.Publish(alert, action);
                    }
                }
#pragma warning disable CA1031 // One alert that cannot be read must not stop the feed; it is logged.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    DeliverFailed(_logger, id, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // stopping
        }
    }
}
