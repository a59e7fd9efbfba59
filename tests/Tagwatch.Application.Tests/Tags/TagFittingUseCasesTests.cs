using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Tags;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;
using Tagwatch.Tests;

namespace Tagwatch.Application.Tests.Tags;

/// <summary>Registering tags and fitting people with them, as administrators do through either door.</summary>
public sealed class TagFittingUseCasesTests : IAsyncLifetime
{
    private const string Imei = "359881030000031";
    private static readonly Actor Admin = Actor.Unscoped("ada", Role.Administrator);
    private static readonly Instant Fitted = Instant.FromUtc(2019, 3, 1, 9, 0);

    private UseCaseHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await UseCaseHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Register_ANewTag_IsStoredInLowerCaseAndAudited()
    {
        var result = await Register(new RegisterTagRequest($" {Imei} ", "GT06", " ankle x1 "));

        Assert.Equal(new Tag(TagId.Parse(Imei), "gt06", "ankle x1"), result.Value);
        var listed = Assert.Single((await _host.Get<ListTags>().ExecuteAsync(Admin, new ListTagsRequest(), CancellationToken.None)).Value);
        Assert.Equal(new RegisteredTag(TagId.Parse(Imei), "gt06", "ankle x1", null, null, null), listed);
        var audited = Assert.Single(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ChangeSettings)));
        Assert.Equal(new AuditEvent("ada", "Administrator", AuditActions.ChangeSettings, "tag", Imei, "registered (gt06, ankle x1)"), audited.Event);
    }

    [Fact]
    public async Task Register_TwiceOrWithBadFields_IsAConflictOrNamesTheField()
    {
        await Register(new RegisterTagRequest(Imei, "gt06"));

        var again = await Register(new RegisterTagRequest(Imei, "h02"));
        var badId = await Register(new RegisterTagRequest("tag with spaces", "gt06"));
        var noProtocol = await Register(new RegisterTagRequest("359881030000032", " "));

        Assert.Equal(FailureKind.Conflict, again.Failure?.Kind);
        Assert.Equal("id", badId.Failure?.Field);
        Assert.Equal("protocol", noProtocol.Failure?.Field);
        Assert.Single(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ChangeSettings)));
    }

    [Fact]
    public async Task EveryRegistryUseCase_RefusesARoleWithoutManageTags()
    {
        var officer = Actor.Unscoped("pat", Role.ProbationOfficer);
        var none = CancellationToken.None;

        Assert.Equal(FailureKind.Forbidden, (await _host.Get<RegisterTag>().ExecuteAsync(officer, new RegisterTagRequest(Imei, "gt06"), none)).Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, (await _host.Get<ListTags>().ExecuteAsync(officer, new ListTagsRequest(), none)).Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, (await _host.Get<AssignTag>().ExecuteAsync(officer, new AssignTagRequest(Imei, "TW-00001"), none)).Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, (await _host.Get<CorrectAssignment>().ExecuteAsync(officer, new CorrectAssignmentRequest(Imei, "TW-00001", Fitted, "late record"), none)).Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, (await _host.Get<CreateDeviceCredential>().ExecuteAsync(officer, new CreateDeviceCredentialRequest(null, "gateway"), none)).Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, (await _host.Get<ListDeviceCredentials>().ExecuteAsync(officer, new ListDeviceCredentialsRequest(), none)).Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, (await _host.Get<RevokeDeviceCredential>().ExecuteAsync(officer, new RevokeDeviceCredentialRequest(1), none)).Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, (await _host.Get<ListRefusedDevices>().ExecuteAsync(officer, new ListRefusedDevicesRequest(), none)).Failure?.Kind);
        Assert.Empty(await _host.Get<ITagDirectory>().ListAsync());
    }

    [Fact]
    public async Task Assign_WithoutFrom_StartsNowAndIsAuditedOnThePerson()
    {
        string person = await EnrolAsync("Sam");
        await Register(new RegisterTagRequest(Imei, "gt06"));

        var result = await _host.Get<AssignTag>().ExecuteAsync(Admin, new AssignTagRequest(Imei, person), CancellationToken.None);

        var now = Instant.FromDateTimeOffset(_host.Clock.GetUtcNow());
        Assert.Equal(new TagFitted(TagId.Parse(Imei), OffenderReference.Parse(person), now, Corrected: false), result.Value);
        var worn = Assert.Single(await _host.Get<ITagDirectory>().AssignmentsAsync());
        Assert.Equal((now, (Instant?)null), (worn.From, worn.To));
        var audited = Assert.Single(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ChangeRecord)));
        Assert.Equal(new AuditEvent("ada", "Administrator", AuditActions.ChangeRecord, "offender", person, $"tag {Imei} worn from {now}"), audited.Event);
    }

    [Fact]
    public async Task Assign_NamingNobodyOrAnUnregisteredTag_IsInvalidOrNotFound()
    {
        string person = await EnrolAsync("Sam");

        var nobody = await _host.Get<AssignTag>().ExecuteAsync(Admin, new AssignTagRequest(Imei, "TW-99999", Fitted), CancellationToken.None);
        var garbled = await _host.Get<AssignTag>().ExecuteAsync(Admin, new AssignTagRequest("#", person, Fitted), CancellationToken.None);
        var unregistered = await _host.Get<AssignTag>().ExecuteAsync(Admin, new AssignTagRequest(Imei, person, Fitted), CancellationToken.None);

        Assert.Equal(("offender", FailureKind.Invalid), (nobody.Failure?.Field, nobody.Failure?.Kind));
        Assert.Equal("id", garbled.Failure?.Field);
        Assert.Equal(FailureKind.NotFound, unregistered.Failure?.Kind);
        Assert.Empty(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ChangeRecord)));
    }

    [Fact]
    public async Task Assign_OverAnotherWearersStoredFixes_IsAConflict_AndOnlyACorrectionWithAReasonMakesIt()
    {
        string first = await EnrolAsync("Sam");
        string second = await EnrolAsync("Alex");
        await Register(new RegisterTagRequest(Imei, "gt06"));
        await _host.Get<AssignTag>().ExecuteAsync(Admin, new AssignTagRequest(Imei, first, Fitted), CancellationToken.None);
        var tag = TagId.Parse(Imei);
        var spot = new GeoPoint(51.45, -0.10);
        await _host.Get<IFixStore>().AppendAsync(new Dictionary<TagId, List<Fix>>
        {
            [tag] = [.. Enumerable.Range(0, 120).Select(m => Fix.Create(Fitted + Duration.FromMinutes(60 + m), Fitted + Duration.FromMinutes(60 + m), spot, 6))],
        });
        var handedOver = Fitted + Duration.FromHours(2);

        var backdated = await _host.Get<AssignTag>().ExecuteAsync(Admin, new AssignTagRequest(Imei, second, handedOver), CancellationToken.None);
        var unexplained = await _host.Get<CorrectAssignment>().ExecuteAsync(Admin, new CorrectAssignmentRequest(Imei, second, handedOver, "  "), CancellationToken.None);
        var undated = await _host.Get<CorrectAssignment>().ExecuteAsync(Admin, new CorrectAssignmentRequest(Imei, second, null, "late record"), CancellationToken.None);
        var corrected = await _host.Get<CorrectAssignment>().ExecuteAsync(Admin, new CorrectAssignmentRequest(Imei, second, handedOver, "fitted to the wrong person on the record"), CancellationToken.None);

        Assert.Equal(FailureKind.Conflict, backdated.Failure?.Kind);
        Assert.Contains("would change whose they are", backdated.Failure?.Message, StringComparison.Ordinal);
        Assert.Equal("reason", unexplained.Failure?.Field);
        Assert.Equal("from", undated.Failure?.Field);
        Assert.True(corrected.Value.Corrected);
        var audited = Assert.Single(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.CorrectAssignment)));
        Assert.Equal(("ada", "Administrator", second), (audited.Event.Actor, audited.Event.ActorRole, audited.Event.SubjectId));
        Assert.EndsWith(": fitted to the wrong person on the record", audited.Event.Data, StringComparison.Ordinal);
        Assert.Equal(handedOver, (await _host.Get<IPendingCorrelationStore>().PendingFixesAsync())?.From);
    }

    private Task<UseCaseResult<Tag>> Register(RegisterTagRequest request) =>
        _host.Get<RegisterTag>().ExecuteAsync(Admin, request, CancellationToken.None);

    private async Task<string> EnrolAsync(string name)
    {
        var enrolled = await _host.Get<OffenderService>().EnrolAsync(EligibleEnrolment.Of(new LocalDate(2019, 3, 1), new LocalDate(2020, 3, 1), name));
        return enrolled.Offender!.Reference.ToString();
    }
}
