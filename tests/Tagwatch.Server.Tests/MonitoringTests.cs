using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Protocols.Devices.Gt06;
using Tagwatch.Server.Workers;
using Tagwatch.Tests;

namespace Tagwatch.Server.Tests;

public sealed class MonitoringTests : IAsyncLifetime
{
    private static readonly GeoPoint Victim = new(51.4613, -0.1156);
    // The server's clock: it moves only when a test moves it on (whole seconds, as GT06 reports).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
    private RunningServer _server = null!;

    // Silence checks an hour apart: within a test only its own move of the clock brings one.
    public async ValueTask InitializeAsync() =>
        _server = await RunningServer.StartAsync(o => o with { Workers = o.Workers with { MonitorTickEvery = TimeSpan.FromHours(1) } }, clock: _clock);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private Instant Now => Instant.FromDateTimeOffset(_clock.GetUtcNow());

    [Fact]
    public async Task StrapRemovalFromAGt06Tag_BecomesACriticalAlert()
    {
        await EnrolAndAssignAsync(); // a tag raises alerts only while a monitored person wears it
        using var device = await LoggedInAsync();
        var raised = AlertRaisedAsync(a => a.Type == Core.Alerts.AlertKind.StrapTamper);

        await device.GetStream().WriteAsync(Gt06Frames.Location(Now - Duration.FromSeconds(30), 51.5, -0.1, 0, 0, true, 2, alarm: 0x18));
        await device.ReadExactlyAsync(10);

        var alert = await raised;
        Assert.Equal(Core.Alerts.AlertSeverity.Critical, alert.Severity);
    }

    [Fact]
    public async Task AlertFeedSubscriber_ReceivesTheRaisedAlert()
    {
        await EnrolAndAssignAsync();
        var feed = _server.App.Services.GetRequiredService<AlertFeed>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var first = Task.Run(async () =>
        {
            await foreach (var change in feed.SubscribeAsync(stop.Token))
            {
                return change;
            }

            return null;
        });
        while (feed.Subscribers == 0)
        {
            await Task.Yield();
        }

        using var device = await LoggedInAsync();
        await device.GetStream().WriteAsync(Gt06Frames.Location(Now - Duration.FromSeconds(30), 51.5, -0.1, 0, 0, true, 2, alarm: 0x01));

        var change = await first;
        Assert.Equal(("raised", Core.Alerts.AlertKind.Sos), (change!.Action, change.Alert.Type));
    }

    [Fact]
    public async Task FixesInsideAnExclusionZone_BecomeABreachAlertForTheWearer()
    {
        var person = await EnrolAndAssignAsync();
        // Added ten minutes ago: a condition applies from when it was added, and the fixes below are from 3 minutes ago.
        var addedEarlier = new Storage.Monitoring.EfConditionStore(_server.Services.Database, new FixedClock((Now - Duration.FromMinutes(10)).ToDateTimeOffset()));
        await addedEarlier.AddAsync(new LicenceCondition(0, person, ConditionKind.Exclusion, ZoneArea.Circle(Victim, 200), Schedule.Always, Duration.Zero, new DecisionRules(), "victim's street"), 0, "officer");
        using var device = await LoggedInAsync();
        var start = Now - Duration.FromMinutes(3);

        var raised = AlertRaisedAsync(a => a.Type == Core.Alerts.AlertKind.ExclusionBreach);

        byte[] frames = [.. Gt06Frames.Location(start, Victim.Latitude, Victim.Longitude, 0, 0, true, 2), .. Gt06Frames.Location(start + Duration.FromMinutes(2), Victim.Latitude, Victim.Longitude, 0, 0, true, 3)];
        await device.GetStream().WriteAsync(frames);
        await device.ReadExactlyAsync(20);

        var alert = await raised;
        Assert.Equal(person, alert.Offender);
        Assert.Equal(start, alert.Start);

        // The commit's durable record of this monitoring is cleared once the tag was evaluated.
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while ((await _server.Services.PendingMonitoring.QueuedBeforeAsync(Now + Duration.FromSeconds(1), 10)).Count > 0)
        {
            await Task.Delay(20, hangGuard.Token);
        }
    }

    [Fact]
    public async Task WornTagSilentForLongerThanTheNoContactThreshold_RaisesNoContactAtTheNextTick()
    {
        await EnrolAndAssignAsync();
        using var device = await LoggedInAsync(); // its last contact: now
        var raised = AlertRaisedAsync(a => a.Type == Core.Alerts.AlertKind.NoContact);
        var ticks = _server.Worker<MonitorWorker>().Ticks;
        long ticked = ticks.Finished;

        _clock.Advance(_server.Services.MonitoringOptions.NoContactAfter.ToTimeSpan() + _server.Options.Workers.MonitorTickEvery);
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await ticks.WaitForAsync(ticked + 1, hangGuard.Token);

        var alert = await raised;
        Assert.Equal(TagId.Parse(RunningServer.Gt06Imei), alert.Tag);
    }

    [Fact]
    public async Task A_monitoring_pass_that_fails_is_done_again_with_the_next_commit_and_its_breach_alerted()
    {
        var person = await EnrolAndAssignAsync();
        var addedEarlier = new Storage.Monitoring.EfConditionStore(_server.Services.Database, new FixedClock((Now - Duration.FromMinutes(10)).ToDateTimeOffset()));
        await addedEarlier.AddAsync(new LicenceCondition(0, person, ConditionKind.Exclusion, ZoneArea.Circle(Victim, 200), Schedule.Always, Duration.Zero, new DecisionRules(), "victim's street"), 0, "officer");
        var tag = TagId.Parse(RunningServer.Gt06Imei);
        var start = Now - Duration.FromMinutes(3);
        var inside = new List<Core.Fixes.Fix> { Core.Fixes.Fix.Create(start, Now, Victim, 6), Core.Fixes.Fix.Create(start + Duration.FromMinutes(2), Now, Victim, 6) };
        await _server.Services.Fixes.AppendAsync(new Dictionary<TagId, List<Core.Fixes.Fix>> { [tag] = inside });

        // A monitor of its own (the server's never hears of these fixes) whose first read of the fixes fails.
        var services = _server.Services;
        var fixes = new FailingFixStore(services.Fixes, tag, times: 1);
        var monitor = new LicenceMonitor(services.Conditions, services.Alerts, fixes, services.Tags, services.Ingest, new Storage.Coordination.OneProcessTagLocks(),
            services.MonitoringOptions, _clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<LicenceMonitor>.Instance);
        var raised = new TaskCompletionSource<Alert>(TaskCreationOptions.RunContinuationsAsynchronously);
        monitor.AlertChanged += (alert, action) => raised.TrySetResult(alert);
        using var worker = new MonitorWorker(monitor, services.PendingMonitoring, new Storage.Coordination.OneProcessWorkLeases(), _server.Options.Workers, _clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MonitorWorker>.Instance);
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await worker.StartAsync(hangGuard.Token);

        var first = new Application.Ingest.IngestCommit();
        first.Fixes[tag] = inside;
        worker.OnCommitted(first);
        await fixes.Failed.Task.WaitAsync(hangGuard.Token);
        Assert.False(raised.Task.IsCompleted);
        worker.OnCommitted(new Application.Ingest.IngestCommit()); // any later commit: nothing of this tag in it

        var alert = await raised.Task.WaitAsync(hangGuard.Token);
        Assert.Equal((Core.Alerts.AlertKind.ExclusionBreach, person, start), (alert.Type, alert.Offender, alert.Start));
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fixes_and_alarms_stored_by_a_node_that_died_before_evaluating_them_are_done_by_the_sweep_and_alerted()
    {
        var person = await EnrolAndAssignAsync();
        var addedEarlier = new Storage.Monitoring.EfConditionStore(_server.Services.Database, new FixedClock((Now - Duration.FromMinutes(10)).ToDateTimeOffset()));
        await addedEarlier.AddAsync(new LicenceCondition(0, person, ConditionKind.Exclusion, ZoneArea.Circle(Victim, 200), Schedule.Always, Duration.Zero, new DecisionRules(), "victim's street"), 0, "officer");
        var tag = TagId.Parse(RunningServer.Gt06Imei);
        var start = Now - Duration.FromMinutes(3);

        // Committed as another node's ingest would, which then died: this node's monitor never hears of the commit.
        var commit = new Application.Ingest.IngestCommit();
        commit.Fixes[tag] = [Core.Fixes.Fix.Create(start, Now, Victim, 6), Core.Fixes.Fix.Create(start + Duration.FromMinutes(2), Now, Victim, 6)];
        commit.Events.Add(new Application.Ingest.DeviceEventRecord(tag, start, Now, "strap_tamper"));
        await _server.Services.Ingest.CommitAsync(commit);
        var raised = AlertRaisedAsync(a => a.Type == Core.Alerts.AlertKind.ExclusionBreach);
        var tamper = AlertRaisedAsync(a => a.Type == Core.Alerts.AlertKind.StrapTamper);
        var ticks = _server.Worker<MonitorWorker>().Ticks;
        long ticked = ticks.Finished;

        _clock.Advance(_server.Options.Workers.MonitorTickEvery);
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await ticks.WaitForAsync(ticked + 1, hangGuard.Token);

        var alert = await raised.WaitAsync(hangGuard.Token);
        Assert.Equal((person, start), (alert.Offender, alert.Start));
        Assert.Equal((person, start), ((await tamper.WaitAsync(hangGuard.Token)).Offender, (await tamper).Start));
        Assert.Empty(await _server.Services.PendingMonitoring.QueuedBeforeAsync(Now, 10));
    }

    [Fact]
    public async Task A_tag_the_monitor_keeps_failing_on_holds_up_no_other_tag_and_is_left_to_the_sweep()
    {
        var failing = TagId.Parse(RunningServer.Gt06Imei);
        var healthy = TagId.Parse("359339075099999");
        await _server.Services.Tags.RegisterAsync([new Core.Tags.Tag(healthy, "gt06", "test")]);
        var start = Now - Duration.FromMinutes(3);
        var addedEarlier = new Storage.Monitoring.EfConditionStore(_server.Services.Database, new FixedClock((Now - Duration.FromMinutes(10)).ToDateTimeOffset()));
        var people = new List<OffenderId>();
        foreach (var tag in new[] { failing, healthy })
        {
            var person = await EnrolAndAssignAsync(tag.Value);
            await addedEarlier.AddAsync(new LicenceCondition(0, person, ConditionKind.Exclusion, ZoneArea.Circle(Victim, 200), Schedule.Always, Duration.Zero, new DecisionRules(), "victim's street"), 0, "officer");
            people.Add(person);
        }

        var commit = new Application.Ingest.IngestCommit();
        foreach (var tag in new[] { failing, healthy })
        {
            commit.Fixes[tag] = [Core.Fixes.Fix.Create(start, Now, Victim, 6), Core.Fixes.Fix.Create(start + Duration.FromMinutes(2), Now, Victim, 6)];
        }

        await _server.Services.Ingest.CommitAsync(commit);

        // A monitor of its own whose every read of one tag's fixes fails; the failing tag comes first in the commit.
        var services = _server.Services;
        var fixes = new FailingFixStore(services.Fixes, failing);
        var monitor = new LicenceMonitor(services.Conditions, services.Alerts, fixes, services.Tags, services.Ingest, new Storage.Coordination.OneProcessTagLocks(),
            services.MonitoringOptions, _clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<LicenceMonitor>.Instance);
        var raised = new TaskCompletionSource<Alert>(TaskCreationOptions.RunContinuationsAsynchronously);
        monitor.AlertChanged += (alert, action) => raised.TrySetResult(alert);
        using var worker = new MonitorWorker(monitor, services.PendingMonitoring, new Storage.Coordination.OneProcessWorkLeases(), _server.Options.Workers, _clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MonitorWorker>.Instance);
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await worker.StartAsync(hangGuard.Token);

        worker.OnCommitted(commit);
        var alert = await raised.Task.WaitAsync(hangGuard.Token);
        Assert.Equal((Core.Alerts.AlertKind.ExclusionBreach, people[1]), (alert.Type, alert.Offender));

        // Tried again with each later commit (one pass each), then left to the sweep: the entries stay for it.
        for (int pass = 2; pass <= MonitorWorker.MaxFailedPasses; pass++)
        {
            worker.OnCommitted(new Application.Ingest.IngestCommit());
            while (fixes.Failures < pass)
            {
                await Task.Delay(20, hangGuard.Token);
            }
        }

        await worker.StopAsync(CancellationToken.None);
        Assert.Equal(MonitorWorker.MaxFailedPasses, fixes.Failures);
        Assert.Equal(new[] { failing.Value, healthy.Value }.Order(StringComparer.Ordinal), (await services.PendingMonitoring.QueuedBeforeAsync(Now + Duration.FromSeconds(1), 10)).Select(e => e.Tag.Value).Order(StringComparer.Ordinal));
    }

    /// <summary>A fix store whose reads of one tag fail, up to <paramref name="times"/> times: a database busy for a
    /// moment, or a tag the monitor cannot evaluate.</summary>
    private sealed class FailingFixStore(Application.Fixes.IFixStore inner, TagId failing, int times = int.MaxValue) : Application.Fixes.IFixStore
    {
        private int _failures;

        /// <summary>Completed at the first failure.</summary>
        public TaskCompletionSource Failed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Failures => Volatile.Read(ref _failures);

        public Task<IReadOnlyList<Core.Fixes.Fix>> ReadAsync(TagId tag, Instant from, Instant to, CancellationToken cancellationToken = default)
        {
            if (tag == failing && Failures < times)
            {
                Interlocked.Increment(ref _failures);
                Failed.TrySetResult();
                throw new Storage.StorageException("the database is busy (test)");
            }

            return inner.ReadAsync(tag, from, to, cancellationToken);
        }

        public Task<Application.Fixes.FixAppendResult> AppendAsync(IReadOnlyDictionary<TagId, List<Core.Fixes.Fix>> fixesByTag, CancellationToken cancellationToken = default) =>
            inner.AppendAsync(fixesByTag, cancellationToken);

        public Task<IReadOnlyDictionary<TagId, IReadOnlyList<Core.Fixes.Fix>>> ReadManyAsync(IReadOnlyCollection<TagId> tags, Instant from, Instant to, CancellationToken cancellationToken = default) =>
            inner.ReadManyAsync(tags, from, to, cancellationToken);

        public Task<Instant?> LatestFixTimeAsync(TagId tag, CancellationToken cancellationToken = default) => inner.LatestFixTimeAsync(tag, cancellationToken);

        public IAsyncEnumerable<(TagId Tag, Core.Fixes.Fix[] Fixes)> ReadEachAsync(IReadOnlyCollection<TagId> tags, Instant from, Instant to, CancellationToken cancellationToken = default) =>
            inner.ReadEachAsync(tags, from, to, cancellationToken);

        public Task<Application.Fixes.FixStoreStatistics> StatisticsAsync(CancellationToken cancellationToken = default) => inner.StatisticsAsync(cancellationToken);
    }

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }

    private async Task<OffenderId> EnrolAndAssignAsync(string imei = RunningServer.Gt06Imei)
    {
        var today = Now.InUtc().Date;
        var scheme = await _server.Services.OffenderStore.GetSchemeAsync();
        await _server.Services.OffenderStore.SaveSchemeAsync(scheme with { StartDate = today.PlusMonths(-1) });
        var enrolled = await _server.Services.Offenders.EnrolAsync(EligibleEnrolment.Of(today.PlusDays(-1), today.PlusMonths(6)));
        Assert.True(enrolled.Offender is not null, string.Join("; ", enrolled.Decision.Refusals.Select(r => r.Reason)));
        await _server.Services.Tags.AssignAsync(TagId.Parse(imei), enrolled.Offender!.Id, Now - Duration.FromHours(1));
        return enrolled.Offender.Id;
    }

    private async Task<System.Net.Sockets.TcpClient> LoggedInAsync()
    {
        var device = await RunningServer.ConnectAsync(_server.Options.Gt06Port);
        await device.GetStream().WriteAsync(Gt06Frames.Login(RunningServer.Gt06Imei, 1));
        await device.ReadExactlyAsync(10);
        return device;
    }

    // Monitoring runs behind ingest: listen for the alert before causing it, then wait for the monitor to raise it.
    private Task<Alert> AlertRaisedAsync(Func<Alert, bool> wanted)
    {
        var monitor = _server.App.Services.GetRequiredService<LicenceMonitor>();
        var raised = new TaskCompletionSource<Alert>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(Alert alert, string action)
        {
            if (action == "raised" && wanted(alert))
            {
                raised.TrySetResult(alert);
            }
        }

        monitor.AlertChanged += OnChanged;
        return WaitAsync();

        async Task<Alert> WaitAsync()
        {
            try
            {
                return await raised.Task.WaitAsync(TimeSpan.FromMinutes(2)); // a hang guard, not a timing assertion
            }
            finally
            {
                monitor.AlertChanged -= OnChanged;
            }
        }
    }
}
