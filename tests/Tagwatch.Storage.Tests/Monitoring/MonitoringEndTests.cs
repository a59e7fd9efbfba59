using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Core.Tags;
using Tagwatch.Correlation.Scored;
using Tagwatch.Protocols.Crimes;
using Tagwatch.Tests;

namespace Tagwatch.Storage.Tests.Monitoring;

/// <summary>Monitoring ends with the licence: once it ends (by <c>offenders end</c> or by reaching the monitoring end
/// date) the tag's later fixes are kept but raise no alert, are nobody's and are matched to no one.</summary>
public abstract class MonitoringEndTests(StoreKind kind) : IAsyncLifetime
{
    private static readonly Instant Start = Instant.FromUtc(2019, 3, 1, 12, 0); // the fake clock's start
    private static readonly Instant NextDay = Start + Duration.FromDays(1);
    private static readonly GeoPoint Spot = new(51.4613, -0.1156); // Brixton
    private static readonly TagId Tag = TagId.Parse("359881030000003");
    private TemporaryDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TemporaryDatabase.CreateAsync(kind);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _db.DisposeAsync();
    }

    [Fact]
    public async Task End_ClosesTheTagsWearingPeriodAtThatInstant()
    {
        var person = await EnrolAndFitAsync();
        _db.Clock.Advance(TimeSpan.FromMinutes(30));

        await _db.Offenders.EndAsync(person.Reference, "licence revoked");

        var assignment = Assert.Single(await _db.Tags.AssignmentsAsync());
        Assert.Equal(Start + Duration.FromMinutes(30), assignment.To);
    }

    [Fact]
    public async Task End_FixesInAZoneNextDay_RaiseNoAlertButAreKept()
    {
        var person = await EnrolAndFitAsync();
        await ExclusionAsync(person.Id);
        _db.Clock.Advance(TimeSpan.FromMinutes(30));
        await _db.Offenders.EndAsync(person.Reference, "licence revoked");

        await StoreAsync(StandingAt(Spot, NextDay, 10));
        _db.Clock.Advance(TimeSpan.FromDays(1));
        await _db.Monitor.EvaluateTagAsync(Tag, NextDay);
        await _db.Monitor.TickAsync();

        Assert.Empty(await _db.Alerts.ListAsync());
        Assert.Equal(10, (await _db.Fixes.ReadAsync(Tag, NextDay, NextDay + Duration.FromHours(1))).Count);
    }

    [Fact]
    public async Task End_FixesFromTheMonitoredTimeArrivingLate_StillRaiseTheAlertButLaterOnesDoNot()
    {
        var person = await EnrolAndFitAsync();
        await ExclusionAsync(person.Id);
        _db.Clock.Advance(TimeSpan.FromMinutes(30));
        await _db.Offenders.EndAsync(person.Reference, "licence revoked");
        _db.Clock.Advance(TimeSpan.FromDays(1));

        await StoreAsync([.. StandingAt(Spot, Start, 10), .. StandingAt(Spot, Start + Duration.FromMinutes(40), 10), .. StandingAt(Spot, NextDay, 10)]);
        await _db.Monitor.EvaluateTagAsync(Tag, Start);

        var alert = Assert.Single(await _db.Alerts.ListAsync());
        Assert.Equal((person.Id, Start), (alert.Offender, alert.Start));
    }

    [Fact]
    public async Task End_DeviceReportsNextDay_RaiseNoHealthAlert()
    {
        var person = await EnrolAndFitAsync();
        _db.Clock.Advance(TimeSpan.FromMinutes(30));
        await _db.Offenders.EndAsync(person.Reference, "licence revoked");
        _db.Clock.Advance(TimeSpan.FromDays(1));

        await _db.Monitor.OnDeviceReportsAsync(
            [new DeviceEventRecord(Tag, NextDay, NextDay, "strap_tamper")],
            [new DeviceContact(Tag, NextDay, NextDay, 3, false, "gt06")]);

        Assert.Empty(await _db.Alerts.ListAsync());
    }

    [Fact]
    public async Task End_SilentTagNextDay_RaisesNoContactAlert()
    {
        var person = await EnrolAndFitAsync();
        await _db.Ingest.CommitAsync(Commit(new DeviceContact(Tag, Start, Start, 80, false, "gt06")));
        _db.Clock.Advance(TimeSpan.FromMinutes(30));
        await _db.Offenders.EndAsync(person.Reference, "licence revoked");
        _db.Clock.Advance(TimeSpan.FromDays(1));

        await _db.Monitor.TickAsync();

        Assert.Empty(await _db.Alerts.ListAsync());
    }

    [Fact]
    public async Task End_CrimeNextDayIsNotMatched_ButACrimeDuringMonitoringStillIs()
    {
        var person = await EnrolAndFitAsync();
        await StoreAsync([.. StandingAt(Spot, Start, 120), .. StandingAt(Spot, NextDay, 120)]);
        await ImportCrimeAsync("DURING", Start);
        await ImportCrimeAsync("AFTER", NextDay);
        _db.Clock.Advance(TimeSpan.FromHours(3)); // 15:00, after the first crime
        await _db.Offenders.EndAsync(person.Reference, "licence revoked");
        _db.Clock.Advance(TimeSpan.FromDays(1));

        var outcome = await _db.ScoredCorrelation.RunAsync(new ScoringParameters(), allTags: false, "manual", "tester");

        var match = Assert.Single(outcome.Matches);
        Assert.Equal("DURING", match.Crime.Reference);
        Assert.Equal(person.Reference.Value, match.OffenderReference);
        Assert.True(match.Significant);
    }

    [Fact]
    public async Task End_CrimeNextDay_IncrementalCheckOfTheNewFixesMatchesNoOne()
    {
        var person = await EnrolAndFitAsync();
        _db.Clock.Advance(TimeSpan.FromMinutes(30));
        await _db.Offenders.EndAsync(person.Reference, "licence revoked");
        await ImportCrimeAsync("AFTER", NextDay);
        _db.Clock.Advance(TimeSpan.FromDays(1));
        await StoreAsync(StandingAt(Spot, NextDay, 120));

        var outcome = await _db.ScoredCorrelation.RunForFixesAsync(new ScoringParameters(), NextDay, NextDay + Duration.FromHours(2), "tester");

        Assert.Empty(outcome!.Matches);
        Assert.Empty(await _db.Matches.ListMatchesAsync());
    }

    [Fact]
    public async Task End_NearSearchNextDay_FindsTheTagButNamesNoOne()
    {
        var person = await EnrolAndFitAsync();
        await StoreAsync([.. StandingAt(Spot, Start, 30), .. StandingAt(Spot, NextDay, 30)]);
        _db.Clock.Advance(TimeSpan.FromHours(1));
        await _db.Offenders.EndAsync(person.Reference, "licence revoked");
        _db.Clock.Advance(TimeSpan.FromDays(1));

        var (_, during) = await _db.Near.RunAsync(Spot, 50, Start, Start + Duration.FromMinutes(30), "wounding enquiry W1 during", "analyst");
        var (_, after) = await _db.Near.RunAsync(Spot, 50, NextDay, NextDay + Duration.FromMinutes(30), "wounding enquiry W2 afterwards", "analyst");

        Assert.Equal(person.Reference.Value, Assert.Single(during).OffenderReference);
        var hit = Assert.Single(after);
        Assert.Equal(Tag, hit.Tag);
        Assert.Null(hit.OffenderReference);
    }

    [Fact]
    public async Task MonitoringEndDateReached_WithoutEnd_EndsTheWearingPeriodAtMidnight()
    {
        await EnrolAndFitAsync(licenceEnd: new LocalDate(2019, 3, 1)); // monitored through 1 March (GMT)

        var assignment = Assert.Single(await _db.Tags.MonitoredAssignmentsAsync());

        Assert.Equal(Instant.FromUtc(2019, 3, 2, 0, 0), assignment.To);
    }

    [Fact]
    public async Task MonitoringEndDateReached_WithoutEnd_FixesNextDayRaiseNoAlertAndMatchNoOne()
    {
        var person = await EnrolAndFitAsync(licenceEnd: new LocalDate(2019, 3, 1));
        await ExclusionAsync(person.Id);
        await StoreAsync([.. StandingAt(Spot, Start, 120), .. StandingAt(Spot, NextDay, 120)]);
        await ImportCrimeAsync("DURING", Start);
        await ImportCrimeAsync("AFTER", NextDay);
        _db.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(3));

        await _db.Monitor.EvaluateTagAsync(Tag, NextDay);
        var outcome = await _db.ScoredCorrelation.RunAsync(new ScoringParameters(), allTags: false, "manual", "tester");
        var (_, near) = await _db.Near.RunAsync(Spot, 50, NextDay, NextDay + Duration.FromMinutes(30), "wounding enquiry W2 afterwards", "analyst");

        Assert.DoesNotContain(await _db.Alerts.ListAsync(), a => a.Start >= Instant.FromUtc(2019, 3, 2, 0, 0));
        Assert.Equal("DURING", Assert.Single(outcome.Matches).Crime.Reference);
        Assert.Null(Assert.Single(near).OffenderReference);
    }

    [Fact]
    public async Task Assign_AfterMonitoringEnded_IsRefusedAndTheTagStaysNobodys()
    {
        var person = await EnrolAndFitAsync();
        _db.Clock.Advance(TimeSpan.FromMinutes(30));
        await _db.Offenders.EndAsync(person.Reference, "licence revoked");

        var refused = await Assert.ThrowsAsync<Core.NotAllowedNowException>(() => _db.Tags.AssignAsync(Tag, person.Id, NextDay));

        Assert.Contains("ended on 2019-03-01", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Start + Duration.FromMinutes(30), Assert.Single(await _db.Tags.AssignmentsAsync()).To);
    }

    [Fact]
    public async Task Assign_LaterOnTheDayMonitoringEnded_IsRefusedSoThePersonIsNotLiveAgain()
    {
        var person = await EnrolAndFitAsync();
        _db.Clock.Advance(TimeSpan.FromMinutes(30));
        await _db.Offenders.EndAsync(person.Reference, "licence revoked");

        var refused = await Assert.ThrowsAsync<Core.NotAllowedNowException>(() => _db.Tags.AssignAsync(Tag, person.Id, Start + Duration.FromHours(2)));

        Assert.Contains("ended on 2019-03-01", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await _db.Tags.MonitoredAssignmentsAsync(), a => a.Covers(Start + Duration.FromHours(3)));
    }

    [Fact]
    public async Task End_AlertsStillOngoing_EndWithTheMonitoringAndSaySo()
    {
        var person = await EnrolAndFitAsync();
        await ExclusionAsync(person.Id);
        _db.Clock.Advance(TimeSpan.FromMinutes(10));
        var last = Start + Duration.FromMinutes(9);
        await StoreAsync(StandingAt(Spot, Start, 10)); // in the zone until the tag fell silent
        await _db.Ingest.CommitAsync(Commit(new DeviceContact(Tag, last, last, 80, false, "gt06")));
        await _db.Monitor.EvaluateTagAsync(Tag, Start);
        _db.Clock.Advance(TimeSpan.FromMinutes(25));
        await _db.Monitor.TickAsync();
        Assert.Equal(2, (await _db.Alerts.ListAsync()).Count(a => a.End is null)); // the breach and the silence, both ongoing

        _db.Clock.Advance(TimeSpan.FromMinutes(5));
        await _db.Offenders.EndAsync(person.Reference, "licence revoked");
        var endedAt = Start + Duration.FromMinutes(40);
        _db.Clock.Advance(TimeSpan.FromMinutes(1));
        await _db.Monitor.TickAsync();

        var alerts = await _db.Alerts.ListAsync();
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(endedAt, a.End));
        foreach (var alert in alerts)
        {
            Assert.Contains(await _db.Alerts.HistoryAsync(alert.Id), h => h.Action == "ended" && h.Note.Contains("monitoring ended", StringComparison.Ordinal));
        }
    }

    private async Task<Offender> EnrolAndFitAsync(LocalDate? licenceEnd = null)
    {
        var enrolled = await _db.Offenders.EnrolAsync(new EnrolmentRequest
        {
            Person = new PersonalDetails("Sam", "Example", new LocalDate(1995, 1, 1)),
            IndexOffences = [IndexOffence.Wounding],
            CustodialSentenceServed = true,
            GpsLicenceCondition = true,
            LicenceStart = new LocalDate(2019, 3, 1),
            LicenceEnd = licenceEnd ?? new LocalDate(2019, 12, 31),
            ReleaseAddress = new GeoPoint(51.4500, -0.1000),
            RiskTier = RiskTier.High,
        });
        await _db.Tags.RegisterAsync([new Tag(Tag, "gt06", null)]);
        await _db.Tags.AssignAsync(Tag, enrolled.Offender!.Id, Instant.FromUtc(2019, 3, 1, 9, 0));
        return enrolled.Offender;
    }

    private Task<LicenceCondition> ExclusionAsync(OffenderId person) =>
        _db.Conditions.AddAsync(new LicenceCondition(0, person, ConditionKind.Exclusion, ZoneArea.Circle(Spot, 200), Schedule.Always, Duration.Zero, new DecisionRules(), "victim's street"), 0, "officer");

    private Task StoreAsync(List<Fix> fixes) => _db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = fixes });

    private static List<Fix> StandingAt(GeoPoint place, Instant from, int minutes) =>
        [.. Enumerable.Range(0, minutes).Select(i => Fix.Create(from + Duration.FromMinutes(i), from, place, 6))];

    /// <summary>A wounding at the spot in minutes 30–45 after <paramref name="from"/>.</summary>
    private Task ImportCrimeAsync(string reference, Instant from)
    {
        string At(int minutes) => NodaTime.Text.InstantPattern.General.Format(from + Duration.FromMinutes(minutes));
        string csv = $"crime_ref,category,lat,lon,committed_from,committed_to\n{reference},wounding,{Spot.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture)},{Spot.Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture)},{At(30)},{At(45)}\n";
        return _db.CrimeImporter.ImportAsync(TagwatchCrimeCsvReader.Read(new StringReader(csv), PoliceForce.Metropolitan));
    }

    private static IngestCommit Commit(DeviceContact contact)
    {
        var commit = new IngestCommit();
        commit.Contacts[contact.Tag] = contact;
        return commit;
    }
}

public sealed class MonitoringEndTestsSqlite() : MonitoringEndTests(StoreKind.Sqlite);

public sealed class MonitoringEndTestsPostgres() : MonitoringEndTests(StoreKind.Postgres);
