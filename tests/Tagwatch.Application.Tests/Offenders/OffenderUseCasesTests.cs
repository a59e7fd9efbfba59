using NodaTime;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Application.Tests.Offenders;

public sealed class OffenderUseCasesTests : IAsyncLifetime
{
    private const string Pat = "pat.probation";
    private static readonly CancellationToken None = CancellationToken.None;

    private UseCaseHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await UseCaseHost.StartAsync();
        await _host.Get<IUserAccounts>().CreateAsync(new NewUser(Pat, Role.ProbationOfficer, [], []), "a long enough passphrase 1");
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Enrol_ByAProbationOfficer_AddsThePersonToTheirCaseloadAndRecordsIt()
    {
        var result = await _host.Get<EnrolOffender>().ExecuteAsync(Probation(), new EnrolOffenderRequest(Enrolment()), None);

        var offender = Assert.IsType<Offender>(result.Value.Offender);
        Assert.Equal(["TW-00001"], (await _host.Get<IUserAccounts>().GetAsync(Pat)).Caseload);
        var record = Assert.Single(await AuditAsync());
        Assert.Equal((Pat, "ProbationOfficer", AuditActions.ChangeRecord, "offender", "TW-00001"),
            (record.Event.Actor, record.Event.ActorRole, record.Event.Action, record.Event.SubjectType, record.Event.SubjectId));
        Assert.Equal("enrolled; risk High; licence 2019-03-01–2019-12-31; added to pat.probation's caseload", record.Event.Data);
        Assert.Equal(OffenderStatus.Active, offender.Status);
    }

    [Fact]
    public async Task Enrol_RefusedByTheSchemesRules_ListsEveryRuleAndRecordsTheRefusal()
    {
        var result = await _host.Get<EnrolOffender>().ExecuteAsync(Probation(), new EnrolOffenderRequest(Enrolment() with { GpsLicenceCondition = false }), None);

        Assert.True(result.Succeeded);
        Assert.Null(result.Value.Offender);
        Assert.Contains(result.Value.Decision.Refusals, r => r.Rule == EnrolmentRule.GpsCondition);
        Assert.Empty((await _host.Get<IUserAccounts>().GetAsync(Pat)).Caseload);
        var record = Assert.Single(await AuditAsync());
        Assert.Null(record.Event.SubjectId);
        Assert.StartsWith("enrolment refused: ", record.Event.Data, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" ", "Example", "given_name")]
    [InlineData("Sam", "", "family_name")]
    public async Task Enrol_WithoutANameOrAnOffence_IsInvalidNamingTheField(string given, string family, string field)
    {
        var named = await _host.Get<EnrolOffender>().ExecuteAsync(Probation(),
            new EnrolOffenderRequest(Enrolment() with { Person = new PersonalDetails(given, family, new LocalDate(1995, 1, 1)) }), None);
        var noOffence = await _host.Get<EnrolOffender>().ExecuteAsync(Probation(), new EnrolOffenderRequest(Enrolment() with { IndexOffences = [] }), None);

        Assert.Equal((FailureKind.Invalid, field), (named.Failure?.Kind, named.Failure?.Field));
        Assert.Equal((FailureKind.Invalid, "index_offences"), (noOffence.Failure?.Kind, noOffence.Failure?.Field));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Enrol_UnderAReferenceInUse_IsAConflict()
    {
        await EnrolAsync();

        var again = await _host.Get<EnrolOffender>().ExecuteAsync(Probation(), new EnrolOffenderRequest(Enrolment(), OffenderReference.Parse("TW-00001")), None);

        Assert.Equal(FailureKind.Conflict, again.Failure?.Kind);
    }

    [Fact]
    public async Task TheMonitoringCentre_ReadsEveryRecord_ButChangesNone()
    {
        string reference = await EnrolAsync();
        var centre = Actor.Unscoped("mo.centre", Role.MonitoringOfficer);

        var listed = await _host.Get<ListOffenders>().ExecuteAsync(centre, new ListOffendersRequest(), None);
        var shown = await _host.Get<ShowOffender>().ExecuteAsync(centre, new OffenderRequest(reference), None);
        var enrol = await _host.Get<EnrolOffender>().ExecuteAsync(centre, new EnrolOffenderRequest(Enrolment()), None);
        var end = await _host.Get<EndMonitoring>().ExecuteAsync(centre, new EndMonitoringRequest(reference, "recalled"), None);
        var tier = await _host.Get<ChangeRiskTier>().ExecuteAsync(centre, new ChangeRiskTierRequest(reference, RiskTier.Low, "reviewed"), None);

        Assert.Equal(reference, Assert.Single(listed.Value).Offender.Reference.ToString());
        Assert.Equal("Example", shown.Value.Person?.FamilyName);
        Assert.All([enrol.Failure, end.Failure, tier.Failure], f => Assert.Equal(FailureKind.Forbidden, f?.Kind));
        Assert.Equal(OffenderStatus.Active, Assert.Single(await _host.Get<OffenderService>().ListAsync()).Status);
    }

    [Theory]
    [InlineData(Role.Administrator)]
    [InlineData(Role.Police)]
    public async Task EveryPeopleUseCase_ForARoleWithoutThePermission_IsForbiddenAndChangesNothing(Role role)
    {
        string reference = await EnrolAsync();
        var actor = Actor.Unscoped("someone", role);

        var failures = new[]
        {
            (await _host.Get<EnrolOffender>().ExecuteAsync(actor, new EnrolOffenderRequest(Enrolment()), None)).Failure,
            (await _host.Get<ListOffenders>().ExecuteAsync(actor, new ListOffendersRequest(), None)).Failure,
            (await _host.Get<ShowOffender>().ExecuteAsync(actor, new OffenderRequest(reference), None)).Failure,
            (await _host.Get<EndMonitoring>().ExecuteAsync(actor, new EndMonitoringRequest(reference, "recalled"), None)).Failure,
            (await _host.Get<ChangeRiskTier>().ExecuteAsync(actor, new ChangeRiskTierRequest(reference, RiskTier.Low, "reviewed"), None)).Failure,
        };

        Assert.All(failures, f => Assert.Equal(FailureKind.Forbidden, f?.Kind));
        Assert.Single(await _host.Get<OffenderService>().ListAsync());
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task List_ForAProbationOfficer_IsTheirCaseloadOnly_AndRecordsWhoWasListed()
    {
        string mine = await EnrolAsync();
        await EnrolAsync(family: "Other");

        var result = await _host.Get<ListOffenders>().ExecuteAsync(Probation(mine), new ListOffendersRequest(), None);

        var entry = Assert.Single(result.Value);
        Assert.Equal((mine, OffenderStatus.Active), (entry.Offender.Reference.ToString(), entry.Status));
        var record = (await AuditAsync())[^1];
        Assert.Equal((AuditActions.ViewRecord, $"caseload list: {mine}"), (record.Event.Action, record.Event.Data));
    }

    [Fact]
    public async Task Show_OnTheCaseload_GivesTheWholeRecordAndRecordsTheView_OutsideIsForbidden_UnknownIsNotFound()
    {
        string reference = await EnrolAsync();

        var shown = await _host.Get<ShowOffender>().ExecuteAsync(Probation(reference), new OffenderRequest(reference), None);
        var outside = await _host.Get<ShowOffender>().ExecuteAsync(Probation("TW-00077"), new OffenderRequest(reference), None);
        var unknown = await _host.Get<ShowOffender>().ExecuteAsync(Probation(reference), new OffenderRequest("TW-99999"), None);

        Assert.Equal("Example", shown.Value.Person?.FamilyName);
        Assert.Equal(RiskTier.High, Assert.Single(shown.Value.RiskHistory).Tier);
        Assert.Equal(FailureKind.Forbidden, outside.Failure?.Kind);
        Assert.Contains("not on your caseload", outside.Failure?.Message, StringComparison.Ordinal);
        Assert.Equal(FailureKind.NotFound, unknown.Failure?.Kind);
        var record = (await AuditAsync())[^1];
        Assert.Equal((AuditActions.ViewRecord, reference, "record: identity, licence, risk history"), (record.Event.Action, record.Event.SubjectId, record.Event.Data));
    }

    [Fact]
    public async Task End_WithAReason_EndsMonitoringOnce_RecordsIt_AndASecondEndIsAConflict()
    {
        string reference = await EnrolAsync();
        var end = _host.Get<EndMonitoring>();

        var noReason = await end.ExecuteAsync(Probation(reference), new EndMonitoringRequest(reference, " "), None);
        var ended = await end.ExecuteAsync(Probation(reference), new EndMonitoringRequest(reference, "recalled to custody", new LocalDate(2019, 6, 30)), None);
        var again = await end.ExecuteAsync(Probation(reference), new EndMonitoringRequest(reference, "recalled to custody"), None);

        Assert.Equal("reason", noReason.Failure?.Field);
        Assert.Equal((OffenderStatus.Ended, new LocalDate(2019, 6, 30)), (ended.Value.Status, ended.Value.MonitoringEnd));
        Assert.Equal(FailureKind.Conflict, again.Failure?.Kind);
        var record = (await AuditAsync())[^1];
        Assert.Equal((AuditActions.ChangeRecord, reference, "monitoring ended on 2019-06-30: recalled to custody"), (record.Event.Action, record.Event.SubjectId, record.Event.Data));
    }

    [Fact]
    public async Task ChangeRiskTier_KeepsTheHistory_RecordsIt_AndNeedsAReason()
    {
        string reference = await EnrolAsync();
        var change = _host.Get<ChangeRiskTier>();

        var noReason = await change.ExecuteAsync(Probation(reference), new ChangeRiskTierRequest(reference, RiskTier.VeryHigh, null), None);
        var changed = await change.ExecuteAsync(Probation(reference), new ChangeRiskTierRequest(reference, RiskTier.VeryHigh, "new intelligence", new LocalDate(2019, 4, 1)), None);

        Assert.Equal("reason", noReason.Failure?.Field);
        Assert.Equal((RiskTier.VeryHigh, new LocalDate(2019, 4, 1)), (changed.Value.Change.Tier, changed.Value.Change.EffectiveFrom));
        var shown = await _host.Get<ShowOffender>().ExecuteAsync(Probation(reference), new OffenderRequest(reference), None);
        Assert.Equal([RiskTier.High, RiskTier.VeryHigh], shown.Value.RiskHistory.Select(h => h.Tier));
        var record = (await AuditAsync()).Single(r => r.Event.Data.StartsWith("risk tier", StringComparison.Ordinal));
        Assert.Equal("risk tier VeryHigh from 2019-04-01: new intelligence", record.Event.Data);
    }

    [Fact]
    public async Task TheConsolesProbationActor_CoversEveryone_ButHasNoCaseloadToAddTo()
    {
        var console = Actor.Unscoped("console:ops", Role.ProbationOfficer) with { CaseloadOfEveryone = true };

        var enrolled = await _host.Get<EnrolOffender>().ExecuteAsync(console, new EnrolOffenderRequest(Enrolment()), None);
        var listed = await _host.Get<ListOffenders>().ExecuteAsync(console, new ListOffendersRequest(), None);

        Assert.NotNull(enrolled.Value.Offender);
        Assert.Single(listed.Value);
        Assert.Equal("enrolled; risk High; licence 2019-03-01–2019-12-31", (await AuditAsync())[0].Event.Data);
    }

    private static Actor Probation(params string[] caseload) => new(Pat, Role.ProbationOfficer, new HashSet<string>(), caseload.ToHashSet(StringComparer.Ordinal));

    private static EnrolmentRequest Enrolment(string family = "Example") => new()
    {
        Person = new PersonalDetails("Sam", family, new LocalDate(1995, 1, 1)),
        IndexOffences = [IndexOffence.WeaponPossession],
        CustodialSentenceServed = true,
        GpsLicenceCondition = true,
        LicenceStart = new LocalDate(2019, 3, 1),
        LicenceEnd = new LocalDate(2019, 12, 31),
        ReleaseAddress = new GeoPoint(51.3762, -0.0982), // Croydon
        RiskTier = RiskTier.High,
    };

    private async Task<string> EnrolAsync(string family = "Example")
    {
        var result = await _host.Get<OffenderService>().EnrolAsync(Enrolment(family));
        return result.Offender?.Reference.ToString() ?? throw new InvalidOperationException("not enrolled");
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync() => await _host.Get<IAuditLog>().SearchAsync(new AuditQuery());
}
