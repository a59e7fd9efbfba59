using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;
using Tagwatch.Core.Text;
using Tagwatch.Protocols.Devices;

namespace Tagwatch.Application.Ingest;

/// <summary>The one path every live device message takes: resolve the device → validate and flag → group commit
/// (fixes deduplicated against all history, raw frame, events, contact — one durable transaction) → report, so the
/// listener can acknowledge → tell the monitors.</summary>
/// <remarks>
/// Submitters from any thread wait on their message's commit; a single writer drains the queue and commits whatever
/// has accumulated at once, so under load one fsync covers thousands of messages. A message is acknowledged only after
/// its commit: an acknowledged fix is never lost. A failed commit fails only its own group (the devices retry); the
/// writer carries on with the next.
/// </remarks>
public sealed partial class IngestPipeline : IAsyncDisposable
{
    private readonly IIngestStore _store;
    private readonly ITagDirectory _tags;
    private readonly FixQualityRules _quality;
    private readonly IngestOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<IIngestObserver> _observers;
    private readonly DeviceAdmission _admission;
    private readonly Channel<Pending> _queue;
    private readonly Task _writer;

    // Writer-owned state: registered devices (with their typical accuracy, for fixes that report none), devices
    // recently found unregistered, refusals recently logged, each tag's last trusted fix.
    private readonly Dictionary<TagId, (Tag Tag, double TypicalAccuracyMetres)> _registered = [];
    private readonly Dictionary<(string, RefusalReason), Instant> _refusalLoggedUntil = [];
    private readonly Dictionary<string, Instant> _unknownUntil = new(StringComparer.Ordinal);
    private readonly Dictionary<TagId, Fix> _lastTrusted = [];

    /// <summary>Starts the writer.</summary>
    public IngestPipeline(IIngestStore store, ITagDirectory tags, FixQualityRules quality, IngestOptions options, TimeProvider clock, ILogger<IngestPipeline> logger, IEnumerable<IIngestObserver> observers)
    {
        _store = store;
        _tags = tags;
        _quality = quality;
        _options = options;
        _clock = clock;
        _logger = logger;
        _observers = [.. observers];
        _admission = new DeviceAdmission(options);
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        Metrics = new IngestMetrics(() => _queue.Reader.Count);
        _writer = Task.Run(RunWriterAsync);
    }

    /// <summary>The pipeline's counters.</summary>
    public IngestMetrics Metrics { get; }

    /// <summary>Messages waiting for a commit.</summary>
    public int QueueDepth => _queue.Reader.Count;

    /// <summary>Queues <paramref name="message"/> and completes when its commit is durable (or has failed).</summary>
    public async Task<IngestResult> SubmitAsync(IngestMessage message, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(message);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Queues many messages (a buffered upload) and completes when all are committed.</summary>
    public async Task<IReadOnlyList<IngestResult>> SubmitManyAsync(IReadOnlyList<IngestMessage> messages, CancellationToken cancellationToken = default)
    {
        var pending = new Pending[messages.Count];
        for (int i = 0; i < messages.Count; i++)
        {
            pending[i] = new Pending(messages[i]);
            await _queue.Writer.WriteAsync(pending[i], cancellationToken);
        }

        return await Task.WhenAll(pending.Select(p => p.Done.Task)).WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking messages, commits what is queued, and stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        Metrics.Dispose();
    }

    private async Task RunWriterAsync()
    {
        var group = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < _options.MaxMessagesPerCommit && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            try
            {
                await CommitGroupAsync(group);
            }
#pragma warning disable CA1031 // The writer must outlive any one group's failure: that group is failed, the next goes on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogCommitFailed(ex, group.Count);
                foreach (var pending in group)
                {
                    pending.Done.TrySetResult(new IngestResult(IngestStatus.Failed, pending.Message.Message.Positions.Count, [], "the store could not commit; retry"));
                }
            }
        }
    }

    private async Task CommitGroupAsync(List<Pending> group)
    {
        var started = _clock.GetTimestamp();
        var now = Instant.FromDateTimeOffset(_clock.GetUtcNow());
        var refusals = group.Select(p => _admission.CheckSender(p.Message)).ToArray();
        var devices = await ResolveDevicesAsync(group, refusals, now);
        var commit = new IngestCommit { MaxRefusalRecords = _options.MaxRefusalRecords };
        var results = new IngestResult?[group.Count];
        for (int i = 0; i < group.Count; i++)
        {
            var ingest = group[i].Message;
            var message = ingest.Message;
            if (refusals[i] is { } early)
            {
                results[i] = Refuse(commit, ingest, now, early);
                continue;
            }

            if (devices[i] is not { } tag)
            {
                results[i] = RefuseUnknown(commit, ingest, now);
                continue;
            }

            var registered = _registered[tag];
            if (_admission.CheckBinding(registered.Tag, ingest) is { } refusal)
            {
                results[i] = Refuse(commit, ingest, now, refusal);
                continue;
            }

            var rejected = new List<string>();
            var accepted = AddFixes(commit, tag, ingest, registered.TypicalAccuracyMetres, rejected);
            commit.Frames.Add(new RawFrame(tag, ingest.Received, message.Protocol, ingest.Raw));

            // Only accepted fixes with a lock date anything: a clock fault must not move an alarm or the last fix.
            var located = accepted.Where(f => (f.Flags & FixFlags.Invalid) == 0).ToList();
            var eventTime = located.Count > 0 ? located[0].Time : ingest.Received;
            foreach (var alarm in message.Alarms)
            {
                commit.Events.Add(new DeviceEventRecord(tag, eventTime, ingest.Received, JsonNamingPolicy.SnakeCaseLower.ConvertName(alarm.ToString())));
            }

            UpdateContact(commit, tag, ingest, located.Count > 0 ? located.Max(f => f.Time) : null);
            results[i] = new IngestResult(IngestStatus.Stored, message.Positions.Count, rejected);
        }

        foreach (var (tag, fixes) in commit.Fixes)
        {
            _quality.AssessTrail(fixes, _lastTrusted.TryGetValue(tag, out var last) ? last : null);
        }

        var appended = commit.IsEmpty ? new FixAppendResult(0, 0, 0) : await _store.CommitAsync(commit);
        RememberLastTrusted(commit);
        for (int i = 0; i < group.Count; i++)
        {
            group[i].Done.TrySetResult(results[i]!);
        }

        Metrics.Commits.Add(1);
        Metrics.FixesStored.Add(appended.Stored);
        Metrics.Duplicates.Add(appended.Duplicates);
        Metrics.Messages.Add(group.Count);
        Metrics.CommitSeconds.Record(_clock.GetElapsedTime(started).TotalSeconds);
        foreach (var observer in _observers)
        {
            observer.OnCommitted(commit);
        }
    }

    // Each message's device, or null when it names none or an unregistered one (or is refused already).
    private async Task<TagId?[]> ResolveDevicesAsync(List<Pending> group, DeviceAdmission.Refusal?[] refusals, Instant now)
    {
        var ids = new TagId?[group.Count];
        var toAsk = new HashSet<TagId>();
        for (int i = 0; i < group.Count; i++)
        {
            string? deviceId = group[i].Message.Message.DeviceId;
            if (refusals[i] is not null || deviceId is null || !TagId.TryParse(deviceId, out var tag, out _))
            {
                continue;
            }

            if (_unknownUntil.TryGetValue(tag.Value, out var until) && until > now)
            {
                continue;
            }

            ids[i] = tag;
            if (!_registered.ContainsKey(tag))
            {
                toAsk.Add(tag);
            }
        }

        if (toAsk.Count > 0)
        {
            var found = (await _tags.FindAsync(toAsk)).ToDictionary(t => t.Id);
            foreach (var tag in toAsk)
            {
                if (found.TryGetValue(tag, out var registered))
                {
                    _registered[tag] = (registered, _quality.Accuracy.TypicalFor(registered.Model, registered.Protocol));
                    _unknownUntil.Remove(tag.Value);
                }
                else
                {
                    _unknownUntil[tag.Value] = now + _options.UnknownDeviceRecheck;
                    LogUnknownDevice(tag.Value);
                }
            }
        }

        for (int i = 0; i < ids.Length; i++)
        {
            if (ids[i] is { } tag && !_registered.ContainsKey(tag))
            {
                ids[i] = null;
            }
        }

        return ids;
    }

    // A message that names no device, or one that is not registered.
    private IngestResult RefuseUnknown(IngestCommit commit, IngestMessage ingest, Instant now)
    {
        string? deviceId = ingest.Message.DeviceId;
        if (deviceId is null)
        {
            Metrics.Refused.Add(1, new KeyValuePair<string, object?>("reason", "no_device"));
            LogNoDevice(ingest.Message.Protocol, ingest.Remote);
            return new IngestResult(IngestStatus.NoDevice, ingest.Message.Positions.Count, [], "the message names no device (log in first)");
        }

        return Refuse(commit, ingest, now, new DeviceAdmission.Refusal(RefusalReason.Unregistered, $"device '{PrintableText.Escape(Truncate(deviceId))}' is not registered"));
    }

    // Counts the refusal (metrics, and the record of refusals written with this commit). An identifier that is not
    // even well-formed for its protocol (garbage, a scan) is counted under one record per listener and sender, so
    // invented identifiers cannot fill the record.
    private IngestResult Refuse(IngestCommit commit, IngestMessage ingest, Instant now, DeviceAdmission.Refusal refusal)
    {
        string protocol = ingest.Message.Protocol;
        string deviceId = ingest.Message.DeviceId ?? "";
        var reason = refusal.Reason;
        string source = "";
        string detail = refusal.Detail;
        if (!DeviceAdmission.IsWellFormed(protocol, deviceId))
        {
            reason = RefusalReason.MalformedIdentifier;
            detail = $"'{PrintableText.Escape(Truncate(deviceId))}' is not a {protocol} device identifier";
            deviceId = "";
            source = SenderAddress(ingest.Remote);
        }

        string reasonName = JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString());
        Metrics.Refused.Add(1, new KeyValuePair<string, object?>("reason", reasonName));
        var key = (deviceId, protocol, reason, source);
        commit.Refused[key] = commit.Refused.TryGetValue(key, out var seen)
            ? seen with { LastSeen = now, Messages = seen.Messages + 1, LastRemote = ingest.Remote ?? seen.LastRemote, Detail = detail }
            : new RefusedDevice(deviceId, protocol, now, now, 1, ingest.Remote) { Reason = reason, Source = source, Detail = detail };
        if (reason != RefusalReason.Unregistered && (!_refusalLoggedUntil.TryGetValue((deviceId, reason), out var until) || until <= now))
        {
            if (_refusalLoggedUntil.Count > 10_000)
            {
                _refusalLoggedUntil.Clear(); // a flood of invented identifiers must not grow this without end
            }

            _refusalLoggedUntil[(deviceId, reason)] = now + _options.UnknownDeviceRecheck;
            LogRefused(protocol, reasonName, PrintableText.Escape(detail)!, PrintableText.Escape(ingest.Remote));
        }

        var status = reason is RefusalReason.Unregistered or RefusalReason.MalformedIdentifier ? IngestStatus.UnknownDevice : IngestStatus.Refused;
        return new IngestResult(status, ingest.Message.Positions.Count, [], detail, reason);
    }

    private static string Truncate(string deviceId) => deviceId.Length > 40 ? deviceId[..40] : deviceId;

    // The address part of "address:port" (TCP peers) or an address (HTTP), so a sender's reconnections count together.
    private static string SenderAddress(string? remote) =>
        remote is null ? "unknown"
        : System.Net.IPEndPoint.TryParse(remote, out var endPoint) ? endPoint.Address.ToString()
        : remote.Length > 64 ? remote[..64] : remote;

    // Adds the message's acceptable fixes to the commit and returns them; refused positions go to `rejected`.
    private List<Fix> AddFixes(IngestCommit commit, TagId tag, IngestMessage ingest, double typicalAccuracyMetres, List<string> rejected)
    {
        var message = ingest.Message;
        var accepted = new List<Fix>(message.Positions.Count);
        if (message.Positions.Count == 0)
        {
            return accepted;
        }

        if (!commit.Fixes.TryGetValue(tag, out var fixes))
        {
            fixes = [];
            commit.Fixes[tag] = fixes;
        }

        foreach (var position in message.Positions)
        {
            if (ToFix(position, ingest.Received, message.ChecksumValid, typicalAccuracyMetres, out string? reason) is { } fix)
            {
                fixes.Add(fix);
                accepted.Add(fix);
            }
            else
            {
                rejected.Add(reason!);
                Metrics.RejectedPositions.Add(1);
            }
        }

        return accepted;
    }

    private Fix? ToFix(DecodedPosition position, Instant received, bool checksumValid, double typicalAccuracyMetres, out string? reason)
    {
        if (position.Time < _options.EarliestFixTime || position.Time > received + _options.MaximumClockLead)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"fix time {position.Time} is a clock fault (received {received})");
            return null;
        }

        if (!GeoPoint.TryCreate(position.Latitude, position.Longitude, out var point, out string? error))
        {
            reason = error;
            return null;
        }

        var flags = FixFlags.None;
        if (!position.Valid || position.TimeAssumed)
        {
            flags |= FixFlags.Invalid;
        }

        if (!checksumValid)
        {
            flags |= FixFlags.BadChecksum;
        }

        // A device that reports no accuracy (GT06, H02; OsmAnd with HDOP only) gets an estimate now, while its HDOP and
        // satellite count are at hand: the stored fix carries it, flagged as estimated.
        double? accuracy = position.AccuracyMetres is { } a ? Math.Min(a, 6553.4) : null;
        if (accuracy is null && _quality.Accuracy.Estimate(position.Source, (flags & FixFlags.Invalid) == 0, position.Hdop, position.Satellites, typicalAccuracyMetres) is { } estimate)
        {
            accuracy = estimate;
            flags |= FixFlags.AccuracyEstimated;
        }

        try
        {
            reason = null;
            return Fix.Create(
                position.Time,
                received,
                point,
                accuracy,
                position.SpeedKmh is { } s ? Math.Min(s, 6553.4) : null,
                position.HeadingDegrees,
                position.Source,
                flags);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            reason = $"{ex.ParamName}: {ex.Message}";
            return null;
        }
    }

    private static void UpdateContact(IngestCommit commit, TagId tag, IngestMessage ingest, Instant? lastFix)
    {
        var message = ingest.Message;
        if (commit.Contacts.TryGetValue(tag, out var previous))
        {
            commit.Contacts[tag] = new DeviceContact(
                tag,
                Instant.Max(previous.LastContact, ingest.Received),
                lastFix is { } f && previous.LastFix is { } p ? Instant.Max(f, p) : lastFix ?? previous.LastFix,
                message.BatteryPercent ?? previous.BatteryPercent,
                message.Charging ?? previous.Charging,
                message.Protocol);
        }
        else
        {
            commit.Contacts[tag] = new DeviceContact(tag, ingest.Received, lastFix, message.BatteryPercent, message.Charging, message.Protocol);
        }
    }

    private void RememberLastTrusted(IngestCommit commit)
    {
        foreach (var (tag, fixes) in commit.Fixes)
        {
            for (int i = fixes.Count - 1; i >= 0; i--)
            {
                var fix = fixes[i];
                if ((fix.Flags & (FixFlags.Invalid | FixFlags.ZeroPosition | FixFlags.ImplausibleSpeed)) == 0)
                {
                    if (!_lastTrusted.TryGetValue(tag, out var last) || last.TimeUnixMs <= fix.TimeUnixMs)
                    {
                        _lastTrusted[tag] = fix;
                    }

                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest commit of {Count} messages failed; their devices will retry")]
    private partial void LogCommitFailed(Exception ex, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refusing messages from unregistered device {DeviceId} (counted under refused devices)")]
    private partial void LogUnknownDevice(string deviceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Protocol} message ({Reason}): {Detail} (from {Remote}; counted under refused devices)")]
    private partial void LogRefused(string protocol, string reason, string detail, string? remote);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused {Protocol} message that names no device ({Remote})")]
    private partial void LogNoDevice(string protocol, string? remote);

    private sealed class Pending(IngestMessage message)
    {
        public IngestMessage Message { get; } = message;

        public TaskCompletionSource<IngestResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
