using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Tests.Accounts;

public sealed class AccountUseCasesTests
{
    private static readonly Actor Ada = Actor.Unscoped("ada.admin", Role.Administrator);
    private static readonly Actor Bea = Actor.Unscoped("bea.admin", Role.Administrator);
    private static readonly Actor Eve = Actor.Unscoped("eve.evaluator", Role.Evaluator);

    [Fact]
    public async Task AddUser_WithoutScopeGrant_IsMadeAtOnceAndAuditedWithTheAccountInWords()
    {
        await using var host = await StartAsync(requireSecondApproval: true);

        var result = await host.Get<AddUser>().ExecuteAsync(Ada, new AddUserRequest("eve.evaluator", Role.Evaluator, [], []), CancellationToken.None);

        Assert.Equal("eve.evaluator", result.Value.User?.Username);
        Assert.Matches("^[a-zA-Z0-9]{20}$", result.Value.OneTimePassword);
        var record = Assert.Single(await host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ChangeUsers)));
        Assert.Equal(new AuditEvent("ada.admin", "Administrator", AuditActions.ChangeUsers, "user", "eve.evaluator",
            "created: role Evaluator; boroughs []; caseload []; must change password"), record.Event);
    }

    [Fact]
    public async Task AddUser_ForPolice_WaitsForASecondAdministrator_WhoAloneMayApproveIt()
    {
        await using var host = await StartAsync(requireSecondApproval: true);
        await host.Get<IUserAccounts>().CreateAsync(new NewUser("ada.admin", Role.Administrator, [], []), "a long enough passphrase 1");

        var requested = await host.Get<AddUser>().ExecuteAsync(Ada, new AddUserRequest("sam.police", Role.Police, ["Lambeth"], []), CancellationToken.None);
        long id = requested.Value.Pending!.Id;
        var listed = await host.Get<ListApprovals>().ExecuteAsync(Bea, new ListApprovalsRequest(), CancellationToken.None);
        var self = await host.Get<ApproveChange>().ExecuteAsync(Ada, new ApproveChangeRequest(id), CancellationToken.None);
        var approved = await host.Get<ApproveChange>().ExecuteAsync(Bea, new ApproveChangeRequest(id), CancellationToken.None);
        var again = await host.Get<ApproveChange>().ExecuteAsync(Bea, new ApproveChangeRequest(id), CancellationToken.None);

        Assert.Null(requested.Value.User);
        Assert.Equal("create sam.police as Police; boroughs [Lambeth]; caseload []", requested.Value.Pending.Change);
        Assert.Equal(id, Assert.Single(listed.Value).Id);
        Assert.Equal(FailureKind.Conflict, self.Failure?.Kind);
        Assert.Equal("created: role Police; boroughs [E09000022]; caseload []; must change password", approved.Value.Description);
        Assert.NotNull(approved.Value.OneTimePassword);
        Assert.Equal(FailureKind.NotFound, again.Failure?.Kind);
        var granted = Assert.Single(await host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ApprovalGranted)));
        Assert.Equal(("bea.admin", "Administrator"), (granted.Event.Actor, granted.Event.ActorRole));
    }

    [Theory]
    [InlineData(Role.Police, new string[0], new string[0], "boroughs")]
    [InlineData(Role.Police, new[] { "Gotham" }, new string[0], "boroughs")]
    [InlineData(Role.Auditor, new[] { "Lambeth" }, new string[0], "boroughs")]
    [InlineData(Role.MonitoringOfficer, new string[0], new[] { "TW-00001" }, "caseload")]
    [InlineData(Role.ProbationOfficer, new string[0], new[] { "TW-99999" }, "caseload")]
    public async Task AddUser_WithAScopeTheRoleCannotHave_IsInvalidNamingTheField(Role role, string[] boroughs, string[] caseload, string field)
    {
        await using var host = await StartAsync(requireSecondApproval: false);

        var result = await host.Get<AddUser>().ExecuteAsync(Ada, new AddUserRequest("x.user", role, boroughs, caseload), CancellationToken.None);

        Assert.Equal((FailureKind.Invalid, field), (result.Failure?.Kind, result.Failure?.Field));
        Assert.Empty(await host.Get<IUserAccounts>().ListAsync());
    }

    [Fact]
    public async Task AddUser_WithoutAName_IsInvalidNamingTheUsername()
    {
        await using var host = await StartAsync(requireSecondApproval: false);

        var result = await host.Get<AddUser>().ExecuteAsync(Ada, new AddUserRequest(" ", Role.Evaluator, [], []), CancellationToken.None);

        Assert.Equal("username", result.Failure?.Field);
    }

    [Fact]
    public async Task EveryAccountUseCase_IsForbiddenToARoleThatDoesNotManageAccounts_AndChangesNothing()
    {
        await using var host = await StartAsync(requireSecondApproval: false);
        await host.Get<IUserAccounts>().CreateAsync(new NewUser("sam.police", Role.Police, ["Lambeth"], []), "a long enough passphrase 1");
        var ct = CancellationToken.None;

        UseCaseFailure?[] failures =
        [
            (await host.Get<AddUser>().ExecuteAsync(Eve, new AddUserRequest("x.user", Role.Evaluator, [], []), ct)).Failure,
            (await host.Get<ListUsers>().ExecuteAsync(Eve, new ListUsersRequest(), ct)).Failure,
            (await host.Get<DisableUser>().ExecuteAsync(Eve, new UserRequest("sam.police"), ct)).Failure,
            (await host.Get<EnableUser>().ExecuteAsync(Eve, new UserRequest("sam.police"), ct)).Failure,
            (await host.Get<ChangeRole>().ExecuteAsync(Eve, new ChangeRoleRequest("sam.police", Role.Auditor, []), ct)).Failure,
            (await host.Get<ChangeCaseload>().ExecuteAsync(Eve, new ChangeCaseloadRequest("sam.police", []), ct)).Failure,
            (await host.Get<ResetPassword>().ExecuteAsync(Eve, new UserRequest("sam.police"), ct)).Failure,
            (await host.Get<ListApprovals>().ExecuteAsync(Eve, new ListApprovalsRequest(), ct)).Failure,
            (await host.Get<ApproveChange>().ExecuteAsync(Eve, new ApproveChangeRequest(1), ct)).Failure,
            (await host.Get<RejectChange>().ExecuteAsync(Eve, new RejectChangeRequest(1, "no"), ct)).Failure,
        ];

        Assert.All(failures, f => Assert.Equal(FailureKind.Forbidden, f?.Kind));
        Assert.Equal(Role.Police, Assert.Single(await host.Get<IUserAccounts>().ListAsync()).Role);
        Assert.Empty(await host.Get<IAuditLog>().SearchAsync(new AuditQuery()));
    }

    [Fact]
    public async Task DisableUser_EndsAccessAndIsAuditedWithTheAccountAfterIt_AndAnUnknownAccountIsNotFound()
    {
        await using var host = await StartAsync(requireSecondApproval: false);
        await host.Get<IUserAccounts>().CreateAsync(new NewUser("sam.police", Role.Police, ["Lambeth"], []), "a long enough passphrase 1");

        var disabled = await host.Get<DisableUser>().ExecuteAsync(Ada, new UserRequest("sam.police"), CancellationToken.None);
        var unknown = await host.Get<EnableUser>().ExecuteAsync(Ada, new UserRequest("nobody"), CancellationToken.None);

        Assert.True(disabled.Value.Disabled);
        Assert.Equal(FailureKind.NotFound, unknown.Failure?.Kind);
        var record = Assert.Single(await host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ChangeUsers)));
        Assert.Equal("disabled: role Police; boroughs [E09000022]; caseload []; disabled", record.Event.Data);
    }

    [Fact]
    public async Task ChangeCaseload_WithoutACaseload_IsInvalid_AndOfAnUnknownAccountIsNotFound()
    {
        await using var host = await StartAsync(requireSecondApproval: false);

        var missing = await host.Get<ChangeCaseload>().ExecuteAsync(Ada, new ChangeCaseloadRequest("pat.probation", null), CancellationToken.None);
        var unknown = await host.Get<ChangeCaseload>().ExecuteAsync(Ada, new ChangeCaseloadRequest("pat.probation", []), CancellationToken.None);

        Assert.Equal("caseload", missing.Failure?.Field);
        Assert.Equal(FailureKind.NotFound, unknown.Failure?.Kind);
    }

    [Fact]
    public async Task ChangeRole_MadeAtOnce_EndsInTheNewRoleAndIsAudited()
    {
        await using var host = await StartAsync(requireSecondApproval: false);
        await host.Get<IUserAccounts>().CreateAsync(new NewUser("sam.police", Role.Police, ["Lambeth"], []), "a long enough passphrase 1");

        var changed = await host.Get<ChangeRole>().ExecuteAsync(Ada, new ChangeRoleRequest("sam.police", Role.Evaluator, []), CancellationToken.None);

        Assert.Equal((Role.Evaluator, 0), (changed.Value.User!.Role, changed.Value.User.Boroughs.Count));
        var record = Assert.Single(await host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ChangeUsers)));
        Assert.Equal("role changed: role Evaluator; boroughs []; caseload []; active", record.Event.Data);
    }

    [Fact]
    public async Task ResetPassword_OfAnother_Waits_AndARejectionNeedsAReasonAndChangesNothing()
    {
        await using var host = await StartAsync(requireSecondApproval: true);
        await host.Get<IUserAccounts>().CreateAsync(new NewUser("sam.police", Role.Police, ["Lambeth"], []), "a long enough passphrase 1");

        var reset = await host.Get<ResetPassword>().ExecuteAsync(Ada, new UserRequest("sam.police"), CancellationToken.None);
        long id = reset.Value.Pending!.Id;
        var noReason = await host.Get<RejectChange>().ExecuteAsync(Bea, new RejectChangeRequest(id, " "), CancellationToken.None);
        var rejected = await host.Get<RejectChange>().ExecuteAsync(Bea, new RejectChangeRequest(id, "not asked for by the borough"), CancellationToken.None);

        Assert.Equal("reason", noReason.Failure?.Field);
        Assert.Equal(id, rejected.Value.Id);
        Assert.False((await host.Get<IUserAccounts>().GetAsync("sam.police")).MustChangePassword);
        Assert.Empty((await host.Get<ListApprovals>().ExecuteAsync(Bea, new ListApprovalsRequest(), CancellationToken.None)).Value);
        var record = Assert.Single(await host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ApprovalRejected)));
        Assert.Equal("not asked for by the borough", record.Event.Purpose);
    }

    private static Task<UseCaseHost> StartAsync(bool requireSecondApproval) =>
        UseCaseHost.StartAsync(services => services.AddSingleton(new AccountApprovalOptions(requireSecondApproval)));
}
