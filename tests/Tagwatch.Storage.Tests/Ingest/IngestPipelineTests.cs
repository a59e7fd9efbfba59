using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;
using Tagwatch.Protocols.Devices;
using Tagwatch.Protocols.Devices.Gt06;

namespace Tagwatch.Storage.Tests.Ingest;

/// <summary>The ingest pipeline over each database's ingest store (SQLite and PostgreSQL).</summary>
public abstract class IngestPipelineTests : IAsyncLifetime
{
    private static readonly Instant Now = Instant.FromUtc(2019, 3, 1, 12, 0);
    private static readonly TagId Tag = TagId.Parse("359339075010000");
    private IngestStores _db = null!;
    private IngestPipeline _pipeline = null!;

    /// <summary>The stores the pipeline writes through, on a fresh database.</summary>
    public sealed record IngestStores(IIngestStore Ingest, Application.Tags.ITagDirectory Tags, Application.Fixes.IFixStore Fixes, Application.Fixes.FixQualityRules Quality, Application.Monitoring.IPendingMonitoringStore Monitoring, Func<ValueTask> Dispose)
    {
        public ValueTask DisposeAsync() => Dispose();
    }

    protected abstract Task<IngestStores> OpenAsync();

    public async ValueTask InitializeAsync()
    {
        _db = await OpenAsync();
        await _db.Tags.RegisterAsync([new Tag(Tag, "gt06", "test")]);
        _pipeline = new IngestPipeline(_db.Ingest, _db.Tags, _db.Quality, new IngestOptions(), TemporaryDatabase.NewClock(), NullLogger<IngestPipeline>.Instance, []);
    }

    public async ValueTask DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Commit_RecordsEachTagsMonitoringFromItsEarliestFix_UntilTheEntryIsCompleted()
    {
        var other = TagId.Parse("359339075010001");
        await _db.Tags.RegisterAsync([new Tag(other, "gt06", "test")]);
        var here = new GeoPoint(51.4613, -0.1156);
        var commit = new IngestCommit();
        commit.Fixes[Tag] = [Fix.Create(Now - Duration.FromMinutes(3), Now - Duration.FromMinutes(1), here), Fix.Create(Now - Duration.FromMinutes(5), Now, here)];
        commit.Fixes[other] = [Fix.Create(Now - Duration.FromMinutes(2), Now - Duration.FromMinutes(1), here)];

        await _db.Ingest.CommitAsync(commit);

        // Oldest first: the other tag's latest fix arrived a minute before this tag's.
        var queued = await _db.Monitoring.QueuedBeforeAsync(Now + Duration.FromSeconds(1), 10);
        Assert.Equal([(other, Now - Duration.FromMinutes(2), Now - Duration.FromMinutes(1)), (Tag, Now - Duration.FromMinutes(5), Now)], queued.Select(e => (e.Tag, e.From!.Value, e.Queued)));
        Assert.All(queued, e => Assert.Null(e.Event));
        Assert.Equal(commit.MonitoringEntries.Order(), queued.Select(e => e.Id).Order());
        Assert.Equal([other], (await _db.Monitoring.QueuedBeforeAsync(Now, 10)).Select(e => e.Tag));
        Assert.Single(await _db.Monitoring.QueuedBeforeAsync(Now + Duration.FromSeconds(1), 1));

        var contactOnly = new IngestCommit();
        contactOnly.Contacts[Tag] = new DeviceContact(Tag, Now, null, 50, null, "gt06");
        await _db.Ingest.CommitAsync(contactOnly);
        Assert.Empty(contactOnly.MonitoringEntries);

        // A device event is recorded with the event itself, queued when it arrived.
        var tamper = new DeviceEventRecord(other, Now - Duration.FromSeconds(30), Now + Duration.FromSeconds(5), "strap_tamper");
        var alarm = new IngestCommit();
        alarm.Events.Add(tamper);
        await _db.Ingest.CommitAsync(alarm);
        var eventEntry = Assert.Single(await _db.Monitoring.QueuedBeforeAsync(Now + Duration.FromMinutes(1), 10), e => e.Event is not null);
        Assert.Equal((Assert.Single(alarm.MonitoringEntries), other, (Instant?)null, tamper, Now + Duration.FromSeconds(5)), (eventEntry.Id, eventEntry.Tag, eventEntry.From, eventEntry.Event, eventEntry.Queued));

        await _db.Monitoring.CompleteAsync([queued[0].Id, eventEntry.Id]);
        await _db.Monitoring.CompleteAsync([queued[0].Id, 999_999]); // cleared already, never queued: ignored
        var left = Assert.Single(await _db.Monitoring.QueuedBeforeAsync(Now + Duration.FromMinutes(1), 10));
        Assert.Equal((Tag, 0), (left.Tag, left.FailedAttempts));

        // An entry that keeps failing is counted, then no longer offered (but kept).
        await _db.Monitoring.FailAsync([left.Id]);
        Assert.Equal(1, Assert.Single(await _db.Monitoring.QueuedBeforeAsync(Now + Duration.FromMinutes(1), 10)).FailedAttempts);
        for (int attempt = 1; attempt < Application.Monitoring.IPendingMonitoringStore.MaxFailedAttempts; attempt++)
        {
            await _db.Monitoring.FailAsync([left.Id]);
        }

        Assert.Empty(await _db.Monitoring.QueuedBeforeAsync(Now + Duration.FromMinutes(1), 10));
    }

    [Fact]
    public async Task Submit_RegisteredDevice_StoresFixFrameAndContactBeforeReturning()
    {
        var raw = Gt06Frames.Location(Now - Duration.FromMinutes(1), 51.4613, -0.1156, 4, 90, true, 1);

        var result = await _pipeline.SubmitAsync(Message(Now - Duration.FromMinutes(1), raw: raw, battery: 80));

        Assert.Equal(IngestStatus.Stored, result.Status);
        var fix = Assert.Single(await _db.Fixes.ReadAsync(Tag, Now - Duration.FromHours(1), Now));
        Assert.Equal(51.4613, fix.Latitude, 7);
        Assert.Equal(FixFlags.AccuracyEstimated, fix.Flags);
        Assert.Equal(20, fix.AccuracyMetres); // GT06 reports no accuracy: the default estimate
        var frame = Assert.Single(await _db.Ingest.FramesAsync(Tag, Now - Duration.FromHours(1), Now));
        Assert.Equal(raw, frame.Payload.ToArray());
        var contact = Assert.Single(await _db.Ingest.ContactsAsync());
        Assert.Equal(Now, contact.LastContact);
        Assert.Equal(Now - Duration.FromMinutes(1), contact.LastFix);
        Assert.Equal(80, contact.BatteryPercent);
    }

    [Fact]
    public async Task Submit_SameFixTwice_StoresItOnce()
    {
        var first = await _pipeline.SubmitAsync(Message(Now - Duration.FromMinutes(2)));
        var again = await _pipeline.SubmitAsync(Message(Now - Duration.FromMinutes(2)));

        Assert.True(first.IsStored && again.IsStored);
        Assert.Single(await _db.Fixes.ReadAsync(Tag, Now - Duration.FromHours(1), Now));
    }

    [Fact]
    public async Task Submit_UnknownDevice_RefusesStoresNothingAndCountsIt()
    {
        var unknown = Message(Now, device: "999999999999999");

        var first = await _pipeline.SubmitAsync(unknown with { Remote = "192.0.2.7:4000" });
        var second = await _pipeline.SubmitAsync(unknown);

        Assert.Equal(IngestStatus.UnknownDevice, first.Status);
        Assert.Equal(IngestStatus.UnknownDevice, second.Status);
        Assert.Contains("999999999999999", first.Reason, StringComparison.Ordinal);
        var refused = Assert.Single(await _db.Ingest.RefusedDevicesAsync());
        Assert.Equal(2, refused.Messages);
        Assert.Equal("192.0.2.7:4000", refused.LastRemote);
        Assert.Empty(await _db.Ingest.ContactsAsync());
    }

    [Fact]
    public async Task Submit_MessageWithoutDevice_IsRefused()
    {
        var result = await _pipeline.SubmitAsync(Message(Now, device: null));

        Assert.Equal(IngestStatus.NoDevice, result.Status);
    }

    [Fact]
    public async Task Submit_ClockFaultPosition_IsRejectedWithReasonAndTheRestStored()
    {
        var message = Message(Now - Duration.FromMinutes(3));
        var faulty = message.Message.Positions[0] with { Time = Instant.FromUtc(1999, 8, 22, 0, 0) };
        message = message with { Message = message.Message with { Positions = [message.Message.Positions[0], faulty] } };

        var result = await _pipeline.SubmitAsync(message);

        Assert.True(result.IsStored);
        Assert.Contains("clock fault", Assert.Single(result.Rejected), StringComparison.Ordinal);
        Assert.Single(await _db.Fixes.ReadAsync(Tag, Instant.MinValue, Instant.MaxValue));
    }

    [Fact]
    public async Task Submit_ClockFaultAheadWithAnAlarm_MovesNeitherTheLastFixNorTheAlarmTime()
    {
        var message = Message(Now - Duration.FromMinutes(3));
        var ahead = message.Message.Positions[0] with { Time = Now + Duration.FromDays(30) };
        message = message with { Message = message.Message with { Positions = [ahead], Alarms = [DeviceAlarm.StrapTamper] } };

        await _pipeline.SubmitAsync(message);

        Assert.Null(Assert.Single(await _db.Ingest.ContactsAsync()).LastFix);
        Assert.Equal(Now, Assert.Single(await _db.Ingest.EventsAsync(Tag, Instant.MinValue, Instant.MaxValue)).Time);
    }

    [Fact]
    public async Task Submit_StrapAlarm_IsStoredAsDeviceEventAtFixTime()
    {
        var message = Message(Now - Duration.FromMinutes(5));
        message = message with { Message = message.Message with { Alarms = [DeviceAlarm.StrapTamper] } };

        await _pipeline.SubmitAsync(message);

        var recorded = Assert.Single(await _db.Ingest.EventsAsync(Tag, Now - Duration.FromHours(1), Now));
        Assert.Equal("strap_tamper", recorded.Kind);
        Assert.Equal(Now - Duration.FromMinutes(5), recorded.Time);
    }

    [Fact]
    public async Task Submit_InvalidAndBadChecksumFixes_AreStoredFlagged()
    {
        var message = Message(Now - Duration.FromMinutes(1));
        message = message with { Message = message.Message with { ChecksumValid = false, Positions = [message.Message.Positions[0] with { Valid = false }] } };

        await _pipeline.SubmitAsync(message);

        var fix = Assert.Single(await _db.Fixes.ReadAsync(Tag, Instant.MinValue, Instant.MaxValue));
        Assert.True(fix.Flags.HasFlag(FixFlags.Invalid) && fix.Flags.HasFlag(FixFlags.BadChecksum));
    }

    [Fact]
    public async Task Submit_JumpAcrossSeparateCommits_IsFlaggedImplausible()
    {
        await _pipeline.SubmitAsync(Message(Now - Duration.FromMinutes(2), latitude: 51.46));
        await _pipeline.SubmitAsync(Message(Now - Duration.FromMinutes(1), latitude: 52.46));

        var fixes = await _db.Fixes.ReadAsync(Tag, Instant.MinValue, Instant.MaxValue);

        Assert.False(fixes[0].Flags.HasFlag(FixFlags.ImplausibleSpeed));
        Assert.True(fixes[1].Flags.HasFlag(FixFlags.ImplausibleSpeed));
    }

    [Fact]
    public async Task SubmitMany_ConcurrentUploadsFromManyTasks_AreAllStoredExactlyOnce()
    {
        var start = Now - Duration.FromDays(1);
        var uploads = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (int i = 0; i < 250; i++)
            {
                var result = await _pipeline.SubmitAsync(Message(start + Duration.FromSeconds((worker * 250) + i), latitude: 51.4 + (i * 1e-5)));
                Assert.True(result.IsStored);
            }
        }));

        await Task.WhenAll(uploads);

        Assert.Equal(2000, (await _db.Fixes.ReadAsync(Tag, Instant.MinValue, Instant.MaxValue)).Count);
        Assert.Equal(2000, (await _db.Ingest.FramesAsync(Tag, Instant.MinValue, Instant.MaxValue)).Count);
    }

    [Theory]
    [InlineData(null, null, true, 20.0)] // nothing reported: the device's typical accuracy
    [InlineData(null, 12, true, 20.0)]
    [InlineData(null, 5, true, 30.0)]
    [InlineData(null, 4, true, 40.0)]
    [InlineData(null, 3, true, 60.0)]
    [InlineData(1.6, 3, true, 8.0)] // HDOP wins over a satellite count: HDOP × 5 m
    [InlineData(0.5, null, true, 5.0)] // but never below 5 m
    public async Task Submit_FixWithoutAccuracy_StoresAnEstimateFlaggedAsSuch(double? hdop, int? satellites, bool valid, double expected)
    {
        var message = Message(Now - Duration.FromMinutes(1));
        var position = message.Message.Positions[0] with { Hdop = hdop, Satellites = satellites, Valid = valid };

        await _pipeline.SubmitAsync(message with { Message = message.Message with { Positions = [position] } });

        var fix = Assert.Single(await _db.Fixes.ReadAsync(Tag, Now - Duration.FromHours(1), Now));
        Assert.Equal(expected, fix.AccuracyMetres);
        Assert.Equal(FixFlags.AccuracyEstimated, fix.Flags);
    }

    [Fact]
    public async Task Submit_InvalidOrReportedAccuracy_IsNotEstimated()
    {
        var message = Message(Now - Duration.FromMinutes(2));
        var invalid = message.Message.Positions[0] with { Valid = false, Satellites = 9 };
        var reported = message.Message.Positions[0] with { Time = Now - Duration.FromMinutes(1), AccuracyMetres = 7, Hdop = 3 };

        await _pipeline.SubmitAsync(message with { Message = message.Message with { Positions = [invalid, reported] } });

        var fixes = await _db.Fixes.ReadAsync(Tag, Now - Duration.FromHours(1), Now);
        Assert.Equal((null, FixFlags.Invalid | FixFlags.AccuracyAssumed), (fixes[0].AccuracyMetres, fixes[0].Flags));
        Assert.Equal((7.0, FixFlags.None), (fixes[1].AccuracyMetres, fixes[1].Flags));
    }

    [Fact]
    public async Task Submit_ModelWithItsOwnDefault_EstimatesFromIt()
    {
        var quality = new Application.Fixes.FixQualityRules { Accuracy = new() { Models = new Dictionary<string, double> { ["test"] = 9, ["gt06"] = 50 } } };
        await using var pipeline = new IngestPipeline(_db.Ingest, _db.Tags, quality, new IngestOptions(), TemporaryDatabase.NewClock(), NullLogger<IngestPipeline>.Instance, []);

        await pipeline.SubmitAsync(Message(Now - Duration.FromMinutes(1)));

        Assert.Equal(9, Assert.Single(await _db.Fixes.ReadAsync(Tag, Now - Duration.FromHours(1), Now)).AccuracyMetres); // the model before the protocol
    }

    [Fact]
    public async Task Submit_Gt06MessageOnAPortNotConfiguredForGt06_IsRefusedAndCounted()
    {
        var options = new IngestOptions { ListenerPorts = new Dictionary<string, IReadOnlySet<int>> { ["gt06"] = new HashSet<int> { 5023 } } };
        await using var pipeline = new IngestPipeline(_db.Ingest, _db.Tags, _db.Quality, options, TemporaryDatabase.NewClock(), NullLogger<IngestPipeline>.Instance, []);

        var elsewhere = await pipeline.SubmitAsync(Message(Now - Duration.FromMinutes(2)) with { ListenerPort = 5013 });
        var unknownPort = await pipeline.SubmitAsync(Message(Now - Duration.FromMinutes(2)));
        var own = await pipeline.SubmitAsync(Message(Now - Duration.FromMinutes(1)) with { ListenerPort = 5023 });

        Assert.Equal((IngestStatus.Refused, RefusalReason.WrongPort), (elsewhere.Status, elsewhere.Refusal));
        Assert.Contains("port 5013; gt06 devices report on port 5023", elsewhere.Reason, StringComparison.Ordinal);
        Assert.Equal(IngestStatus.Refused, unknownPort.Status);
        Assert.True(own.IsStored);
        Assert.Equal(Now - Duration.FromMinutes(1), Assert.Single(await _db.Fixes.ReadAsync(Tag, Instant.MinValue, Instant.MaxValue)).Time);
        var refused = Assert.Single(await _db.Ingest.RefusedDevicesAsync());
        Assert.Equal((Tag.Value, RefusalReason.WrongPort, 2L), (refused.DeviceId, refused.Reason, refused.Messages));
    }

    [Fact]
    public async Task Submit_MoreRefusedDevicesThanTheCap_FoldsTheLeastRecentlySeenAndKeepsEveryCount()
    {
        var clock = TemporaryDatabase.NewClock();
        await using var pipeline = new IngestPipeline(_db.Ingest, _db.Tags, _db.Quality, new IngestOptions { MaxRefusalRecords = 5 }, clock, NullLogger<IngestPipeline>.Instance, []);

        for (int i = 0; i < 20; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await pipeline.SubmitAsync(Message(Now, device: $"35933907502{i:D4}"));
        }

        var refused = await _db.Ingest.RefusedDevicesAsync();
        Assert.Equal(5, refused.Count);
        Assert.Equal(20, refused.Sum(r => r.Messages));
        var folded = Assert.Single(refused, r => r.Reason == RefusalReason.Folded);
        Assert.Equal(16, folded.Messages);
        Assert.Equal("359339075020019", refused[0].DeviceId); // the most recent are kept as they are
    }

    [Fact]
    public async Task Submit_GarbageIdentifiersFromOneSender_AreCountedUnderOneMalformedRecord()
    {
        var random = new Random(5);
        for (int i = 0; i < 100; i++)
        {
            string garbage = new([.. Enumerable.Range(0, 10).Select(_ => (char)random.Next(1, 128))]);
            await _pipeline.SubmitAsync(Message(Now, device: "\u001b" + garbage) with { Remote = $"192.0.2.7:{4000 + i}" });
        }

        var refused = Assert.Single(await _db.Ingest.RefusedDevicesAsync());
        Assert.Equal((RefusalReason.MalformedIdentifier, "", "192.0.2.7", 100L), (refused.Reason, refused.DeviceId, refused.Source, refused.Messages));
    }

    private static IngestMessage Message(Instant time, string? device = "359339075010000", double latitude = 51.4613, byte[]? raw = null, int? battery = null) =>
        new(
            new DeviceMessage
            {
                Protocol = "gt06",
                Kind = "location",
                DeviceId = device,
                BatteryPercent = battery,
                Positions = [new DecodedPosition { Time = time, Latitude = latitude, Longitude = -0.1156, SpeedKmh = 4, HeadingDegrees = 90 }],
            },
            Now,
            raw ?? [0x78, 0x78]);
}

public sealed class SqliteIngestPipelineTests : IngestPipelineTests
{
    protected override async Task<IngestStores> OpenAsync()
    {
        var db = await TemporaryDatabase.CreateAsync();
        return new IngestStores(db.Ingest, db.Tags, db.Fixes, db.Quality, db.PendingMonitoring, db.DisposeAsync);
    }
}

public sealed class PostgresIngestPipelineTests : IngestPipelineTests
{
    protected override async Task<IngestStores> OpenAsync()
    {
        var server = await TestPostgresDatabase.CreateAsync();
        var database = await Storage.Postgres.PostgresDatabase.OpenAsync(server.ConnectionString);
        var fixes = new Storage.Postgres.Fixes.PostgresFixStore(database);
        return new IngestStores(
            new Storage.Postgres.Ingest.PostgresIngestStore(database, fixes), new Storage.Tags.EfTagDirectory(database, TimeProvider.System), fixes, new Application.Fixes.FixQualityRules(),
            new Storage.Monitoring.EfPendingMonitoringStore(database),
            async () =>
            {
                await database.DisposeAsync();
                await server.DisposeAsync();
            });
    }
}
