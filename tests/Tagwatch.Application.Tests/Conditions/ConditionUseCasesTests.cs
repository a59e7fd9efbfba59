using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Conditions;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Application.Tests.Conditions;

public sealed class ConditionUseCasesTests : IAsyncLifetime
{
    private static readonly GeoPoint Victim = new(51.47, -0.10);
    private static readonly Instant Noon = Instant.FromUtc(2019, 3, 1, 12, 0);

    private UseCaseHost _host = null!;
    private string _reference = "";
    private string _other = "";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await UseCaseHost.StartAsync();
        _reference = await EnrolAsync();
        _other = await EnrolAsync();
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Add_ForTheirCaseload_StoresTheConditionAndRecordsWhatWasSet()
    {
        var result = await _host.Get<AddCondition>().ExecuteAsync(Probation(_reference), Zone() with { From = Noon, BufferMetres = 20 }, Cancel);

        var stored = Assert.Single(await _host.Get<IConditionStore>().ActiveAsync(null, Cancel));
        Assert.Equal((stored.Id, _reference, "victim's street", Noon), (result.Value.Condition.Id, result.Value.Offender.ToString(), stored.Label, stored.AppliesFrom));
        var record = Assert.Single(await AuditAsync(AuditActions.ChangeConditions));
        Assert.Equal(("pat.probation", "ProbationOfficer", "offender", _reference), (record.Event.Actor, record.Event.ActorRole, record.Event.SubjectType, record.Event.SubjectId));
        Assert.Equal($"condition {stored.Id} added: Exclusion 'victim's street', always, grace 0 min, buffer 20 m, from 2019-03-01T12:00:00Z", record.Event.Data);
    }

    [Fact]
    public async Task Add_ACurfewWithNoGraceOrLabel_TakesTenMinutesAndItsKindAsLabel()
    {
        var request = Zone() with { Kind = ConditionKind.Curfew, Schedule = Schedule.Parse("daily 21:00-07:00"), Label = null };

        var result = await _host.Get<AddCondition>().ExecuteAsync(Probation(_reference), request, Cancel);

        Assert.Equal((Duration.FromMinutes(10), "curfew"), (result.Value.Condition.Grace, result.Value.Condition.Label));
    }

    [Fact]
    public async Task Add_OutsideTheirCaseload_IsForbiddenAndStoresNothing()
    {
        var result = await _host.Get<AddCondition>().ExecuteAsync(Probation(_other), Zone(), Cancel);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
        Assert.Empty(await _host.Get<IConditionStore>().ActiveAsync(null, Cancel));
        Assert.Empty(await AuditAsync(AuditActions.ChangeConditions));
    }

    [Fact]
    public async Task Add_ByARoleThatDoesNotChangeRecords_IsForbidden()
    {
        var result = await _host.Get<AddCondition>().ExecuteAsync(Actor.Unscoped("mo.centre", Role.MonitoringOfficer), Zone(), Cancel);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
    }

    [Fact]
    public async Task Add_ForAnUnknownPerson_IsNotFound()
    {
        var result = await _host.Get<AddCondition>().ExecuteAsync(Probation("TW-99999"), Zone() with { Reference = "TW-99999" }, Cancel);

        Assert.Equal(FailureKind.NotFound, result.Failure?.Kind);
    }

    public static TheoryData<string, string> BadConditions => new()
    {
        { "schedule", "curfew without hours" },
        { "grace_minutes", "grace of a day" },
        { "rules", "no violating fixes" },
        { "buffer_metres", "buffer of 20 km" },
        { "from", "from before monitoring" },
        { "label", "label of 101 characters" },
    };

    [Theory]
    [MemberData(nameof(BadConditions))]
    public async Task Add_ABadCondition_IsInvalidNamingTheFieldAndStoresNothing(string field, string what)
    {
        var zone = Zone();
        var request = what switch
        {
            "curfew without hours" => zone with { Kind = ConditionKind.Curfew },
            "grace of a day" => zone with { Grace = Duration.FromDays(1) },
            "no violating fixes" => zone with { Rules = new DecisionRules { MinViolatingFixes = 0 } },
            "buffer of 20 km" => zone with { BufferMetres = 20_000 },
            "from before monitoring" => zone with { From = Instant.FromUtc(2019, 2, 28, 0, 0) },
            _ => zone with { Label = new string('x', 101) },
        };

        var result = await _host.Get<AddCondition>().ExecuteAsync(Probation(_reference), request, Cancel);

        Assert.Equal((FailureKind.Invalid, field), (result.Failure?.Kind, result.Failure?.Field));
        Assert.Empty(await _host.Get<IConditionStore>().ActiveAsync(null, Cancel));
    }

    [Fact]
    public async Task End_ACondition_EndsItOnceAndRecordsIt()
    {
        long id = await AddZoneAsync();

        var ended = await _host.Get<EndCondition>().ExecuteAsync(Probation(_reference), new EndConditionRequest(id, _reference), Cancel);
        var again = await _host.Get<EndCondition>().ExecuteAsync(Probation(_reference), new EndConditionRequest(id, _reference), Cancel);

        Assert.True(ended.Succeeded);
        Assert.Equal(FailureKind.NotFound, again.Failure?.Kind);
        Assert.Empty(await _host.Get<IConditionStore>().ActiveAsync(null, Cancel));
        Assert.Equal(["condition " + id + " ended"], (await AuditAsync(AuditActions.ChangeConditions)).Skip(1).Select(r => r.Event.Data));
    }

    [Fact]
    public async Task End_AnotherPersonsConditionUnderTheirReference_IsNotFoundAndEndsNothing()
    {
        long id = await AddZoneAsync();
        var both = new Actor("pat.probation", Role.ProbationOfficer, new HashSet<string>(), new HashSet<string> { _reference, _other });

        var result = await _host.Get<EndCondition>().ExecuteAsync(both, new EndConditionRequest(id, _other), Cancel);

        Assert.Equal(FailureKind.NotFound, result.Failure?.Kind);
        Assert.Single(await _host.Get<IConditionStore>().ActiveAsync(null, Cancel));
    }

    [Fact]
    public async Task End_ByIdOutsideTheirCaseload_IsNotFound_SoItsExistenceIsNotRevealed()
    {
        long id = await AddZoneAsync();

        var result = await _host.Get<EndCondition>().ExecuteAsync(Probation(_other), new EndConditionRequest(id), Cancel);

        Assert.Equal(FailureKind.NotFound, result.Failure?.Kind);
        Assert.Single(await _host.Get<IConditionStore>().ActiveAsync(null, Cancel));
    }

    [Fact]
    public async Task Suspend_ACondition_StoresTheWindowAndRecordsTheReasonAsPurpose()
    {
        long id = await AddZoneAsync();

        var result = await _host.Get<SuspendCondition>().ExecuteAsync(
            Probation(_reference), new SuspendConditionRequest(id, Noon, Noon + Duration.FromHours(2), " court appearance ", By: "officer 4"), Cancel);

        Assert.Equal("court appearance", result.Value.Reason);
        Assert.Equal([new Interval(Noon, Noon + Duration.FromHours(2))], await _host.Get<IConditionStore>().SuspensionsAsync(id, Cancel));
        var record = (await AuditAsync(AuditActions.ChangeConditions))[^1];
        Assert.Equal((_reference, $"condition {id} suspended 2019-03-01T12:00:00Z–2019-03-01T14:00:00Z", "court appearance"), (record.Event.SubjectId, record.Event.Data, record.Event.Purpose));
    }

    [Theory]
    [InlineData(-1, "court appearance", "to")]
    [InlineData(2, " ", "reason")]
    [InlineData(2, null, "reason")]
    public async Task Suspend_ABadWindowOrNoReason_IsInvalidNamingTheField(int hours, string? reason, string field)
    {
        long id = await AddZoneAsync();

        var result = await _host.Get<SuspendCondition>().ExecuteAsync(Probation(_reference), new SuspendConditionRequest(id, Noon, Noon + Duration.FromHours(hours), reason), Cancel);

        Assert.Equal((FailureKind.Invalid, field), (result.Failure?.Kind, result.Failure?.Field));
        Assert.Empty(await _host.Get<IConditionStore>().SuspensionsAsync(id, Cancel));
    }

    [Fact]
    public async Task Change_EndsTheConditionAndAReplacementAppliesFromNow_CarryingPendingSuspensionsAndRecordingWhatChanged()
    {
        long id = await AddZoneAsync();
        var later = Noon + Duration.FromHours(5);
        await _host.Get<SuspendCondition>().ExecuteAsync(Probation(_reference), new SuspendConditionRequest(id, Noon - Duration.FromHours(3), Noon - Duration.FromHours(1), "over already"), Cancel);
        await _host.Get<SuspendCondition>().ExecuteAsync(Probation(_reference), new SuspendConditionRequest(id, later, later + Duration.FromHours(2), "court appearance"), Cancel);
        _host.Clock.Advance(TimeSpan.FromHours(1));
        var moved = ZoneArea.Circle(new GeoPoint(51.471, -0.101), 300);

        var result = await _host.Get<ChangeCondition>().ExecuteAsync(Probation(_reference),
            new ChangeConditionRequest(id, _reference, moved, 25, Schedule.Parse("daily 18:00-23:00"), " victim's new street "), Cancel);

        var stored = Assert.Single(await _host.Get<IConditionStore>().ActiveAsync(null, Cancel));
        Assert.Null(await _host.Get<IConditionStore>().FindInForceAsync(id, Cancel));
        Assert.Equal(result.Value.Condition.Id, stored.Id);
        Assert.NotEqual(id, stored.Id);
        Assert.Equal((ConditionKind.Exclusion, "victim's new street", Noon + Duration.FromHours(1)), (stored.Kind, stored.Label, stored.AppliesFrom));
        Assert.Equal((moved.Description, 25d), ZoneArea.EnteredAndBuffer(stored.Area.Description));
        Assert.Equal([new Interval(later, later + Duration.FromHours(2))], await _host.Get<IConditionStore>().SuspensionsAsync(stored.Id, Cancel));
        var record = (await AuditAsync(AuditActions.ChangeConditions))[^1];
        Assert.StartsWith($"condition {id} changed into condition {stored.Id}: Exclusion 'victim's new street', daily 18:00-23:00, buffer 25 m, area {moved.Description} (was circle 51.4700000 -0.1000000 200, always)", record.Event.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_AnEndedConditionIsNotFound_AnotherCaseloadsIsForbidden_AndABadAreaIsInvalid_ChangingNothing()
    {
        long id = await AddZoneAsync();
        long others = (await _host.Get<AddCondition>().ExecuteAsync(Probation(_other), Zone() with { Reference = _other }, Cancel)).Value.Condition.Id;
        var far = ZoneArea.Circle(new GeoPoint(53.48, -2.24), 300); // Manchester: nowhere near the person's home or boroughs
        ChangeConditionRequest Change(long which, string reference, ZoneArea area) => new(which, reference, area, 0, Schedule.Always);

        var forbidden = await _host.Get<ChangeCondition>().ExecuteAsync(Probation(_reference), Change(others, _other, ZoneArea.Circle(Victim, 250)), Cancel);
        var wrongPerson = await _host.Get<ChangeCondition>().ExecuteAsync(Probation(_reference), Change(others, _reference, ZoneArea.Circle(Victim, 250)), Cancel);
        var negativeBuffer = await _host.Get<ChangeCondition>().ExecuteAsync(Probation(_reference), Change(id, _reference, far) with { BufferMetres = -5 }, Cancel);
        await _host.Get<EndCondition>().ExecuteAsync(Probation(_reference), new EndConditionRequest(id, _reference), Cancel);
        var ended = await _host.Get<ChangeCondition>().ExecuteAsync(Probation(_reference), Change(id, _reference, ZoneArea.Circle(Victim, 250)), Cancel);

        Assert.Equal(FailureKind.Forbidden, forbidden.Failure?.Kind);
        Assert.Equal(FailureKind.NotFound, wrongPerson.Failure?.Kind);
        Assert.Equal(FailureKind.Invalid, negativeBuffer.Failure?.Kind);
        Assert.Equal(FailureKind.NotFound, ended.Failure?.Kind);
        Assert.Equal([others], (await _host.Get<IConditionStore>().ActiveAsync(null, Cancel)).Select(c => c.Id));
        Assert.DoesNotContain(await AuditAsync(AuditActions.ChangeConditions), r => r.Event.Data.Contains("changed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_WithoutAPerson_ShowsOnlyTheirCaseloadsConditionsAndRecordsWhose()
    {
        await AddZoneAsync();
        await _host.Get<AddCondition>().ExecuteAsync(Probation(_other), Zone() with { Reference = _other }, Cancel);

        var result = await _host.Get<ListConditions>().ExecuteAsync(Probation(_reference), new ListConditionsRequest(), Cancel);

        Assert.Equal([_reference], result.Value.Conditions.Select(c => c.Offender.ToString()));
        var record = Assert.Single(await AuditAsync(AuditActions.ViewRecord));
        Assert.Equal((null, $"conditions in force (1) of {_reference}"), (record.Event.SubjectId, record.Event.Data));
    }

    [Fact]
    public async Task List_OfAPersonOutsideTheirCaseload_IsForbidden_AndByARoleWithoutRecords_IsForbidden()
    {
        var outside = await _host.Get<ListConditions>().ExecuteAsync(Probation(_reference), new ListConditionsRequest(_other), Cancel);
        var police = await _host.Get<ListConditions>().ExecuteAsync(Actor.Unscoped("pc.police", Role.Police), new ListConditionsRequest(), Cancel);

        Assert.Equal((FailureKind.Forbidden, FailureKind.Forbidden), (outside.Failure?.Kind, police.Failure?.Kind));
        Assert.Empty(await AuditAsync(AuditActions.ViewRecord));
    }

    private static Actor Probation(string reference) =>
        new("pat.probation", Role.ProbationOfficer, new HashSet<string>(), new HashSet<string> { reference });

    private AddConditionRequest Zone() =>
        new(_reference, ConditionKind.Exclusion, ZoneArea.Circle(Victim, 200), Schedule.Always, new DecisionRules(), "victim's street");

    private async Task<long> AddZoneAsync() =>
        (await _host.Get<AddCondition>().ExecuteAsync(Probation(_reference), Zone(), Cancel)).Value.Condition.Id;

    private Task<IReadOnlyList<AuditEntry>> AuditAsync(string action) =>
        _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: action), Cancel);

    private async Task<string> EnrolAsync()
    {
        // Each person a different name, so no enrolment is taken for a likely duplicate of another.
        return (await _host.EnrolAsync("Example" + Guid.NewGuid().ToString("N")[..6])).Reference.ToString();
    }
}
