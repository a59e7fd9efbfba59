using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>Accounts (administrators) and personal API tokens (everyone, their own).</summary>
internal static class UsersApi
{
    public sealed record NewUserRequest(string Username, string Role, string[]? Boroughs, string[]? Caseload, string? DisplayName);

    public sealed record CaseloadRequest(string[] Caseload);

    public sealed record RoleRequest(string Role, string[]? Boroughs);

    public sealed record NewTokenRequest(string Name, int? Days);

    public static void MapUsersApi(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(nameof(Permission.ManageUsers));
        users.MapGet("/", async (IUserAccounts accounts, HttpContext http) => Results.Ok((await accounts.ListAsync(cancellationToken: http.RequestAborted)).Select(Json)))
            .WithName("ListUsers");
        users.MapPost("/", CreateAsync).WithName("CreateUser");
        users.MapPost("/{username}/disable", (string username, HttpContext http, IUserAccounts accounts) => SetDisabledAsync(username, true, http, accounts)).WithName("DisableUser");
        users.MapPost("/{username}/enable", (string username, HttpContext http, IUserAccounts accounts) => SetDisabledAsync(username, false, http, accounts)).WithName("EnableUser");
        users.MapPost("/{username}/reset-password", async (string username, HttpContext http, AccountApprovals approvals) =>
        {
            var change = new AccountChange(AccountChangeKind.ResetPassword, username);
            var submission = await SubmitAsync(http, approvals, change);
            if (submission.IsPending)
            {
                return ApprovalsApi.Pending(submission, change);
            }

            await AuditChangeAsync(http, username, submission.Result!.Description);
            return Results.Ok(new { username, one_time_password = submission.Result.OneTimePassword });
        }).WithName("ResetPassword");
        users.MapPut("/{username}/role", async (string username, RoleRequest body, HttpContext http, IUserAccounts accounts, AccountApprovals approvals) =>
        {
            if (!ApiValues.TryEnum<Role>(body.Role, out var role))
            {
                return ApiValues.NotOneOf<Role>("role", body.Role);
            }

            await accounts.GetAsync(username, http.RequestAborted); // an unknown account is 404 now, not at approval
            var change = new AccountChange(AccountChangeKind.ChangeRole, username, role, body.Boroughs ?? []);
            var submission = await SubmitAsync(http, approvals, change);
            if (submission.IsPending)
            {
                return ApprovalsApi.Pending(submission, change);
            }

            await AuditChangeAsync(http, username, submission.Result!.Description);
            return Results.Ok(Json(await accounts.GetAsync(username, http.RequestAborted)));
        }).WithName("ChangeRole");
        users.MapPut("/{username}/caseload", async (string username, CaseloadRequest body, HttpContext http, IUserAccounts accounts, AccountApprovals approvals) =>
        {
            if (body.Caseload is null)
            {
                // Missing is not empty: emptying a caseload is said with [].
                return ApiProblems.Invalid("caseload", "required: the whole new caseload, [] to empty it");
            }

            await accounts.GetAsync(username, http.RequestAborted); // an unknown account is 404 now, not at approval
            var change = new AccountChange(AccountChangeKind.ReplaceCaseload, username, Caseload: body.Caseload);
            var submission = await SubmitAsync(http, approvals, change);
            if (submission.IsPending)
            {
                return ApprovalsApi.Pending(submission, change);
            }

            await AuditChangeAsync(http, username, submission.Result!.Description);
            return Results.Ok(Json(await accounts.GetAsync(username, http.RequestAborted)));
        }).WithName("ReplaceCaseload");

        var tokens = api.MapGroup("/tokens").WithTags("Users").RequireAuthorization();
        tokens.MapGet("/", async (HttpContext http, IApiTokens apiTokens) =>
        {
            var actor = await http.RequiredActorAsync();
            return Results.Ok(await apiTokens.ListTokensAsync(actor.Username, http.RequestAborted));
        }).WithName("ListOwnTokens");
        tokens.MapPost("/", async (NewTokenRequest body, HttpContext http, IApiTokens apiTokens) =>
        {
            var actor = await http.RequiredActorAsync();
            int days = body.Days ?? 90;
            if (days is < 1 or > 366)
            {
                return ApiProblems.Invalid("days", $"{days} is not between 1 and 366");
            }

            if (string.IsNullOrWhiteSpace(body.Name))
            {
                return ApiProblems.Invalid("name", "required: say what the token is for");
            }

            var (token, secret) = await apiTokens.CreateTokenAsync(actor.Username, body.Name, TimeSpan.FromDays(days), http.RequestAborted);
            await http.AuditAsync(actor, AuditActions.ChangeUsers, "user", actor.Username, $"token {token.Id} '{token.Name}' created, expires {token.Expires}");
            return Results.Created($"/api/v1/tokens/{token.Id}", new { token.Id, token.Name, token.Expires, secret });
        }).WithName("CreateOwnToken");
        tokens.MapDelete("/{id:long}", async (long id, HttpContext http, IApiTokens apiTokens) =>
        {
            var actor = await http.RequiredActorAsync();
            string? owner = AccessPolicy.Allows(actor.Role, Permission.ManageUsers) ? null : actor.Username;
            if (!await apiTokens.RevokeTokenAsync(id, owner, http.RequestAborted))
            {
                return ApiProblems.NotFound($"There is no token {id} of yours.");
            }

            await http.AuditAsync(actor, AuditActions.ChangeUsers, "token", id.ToString(CultureInfo.InvariantCulture), "token revoked");
            return Results.NoContent();
        }).WithName("RevokeToken");
    }

    private static async Task<IResult> CreateAsync(NewUserRequest body, HttpContext http, IUserAccounts accounts, AccountApprovals approvals)
    {
        if (!ApiValues.TryEnum<Role>(body.Role, out var role))
        {
            return ApiValues.NotOneOf<Role>("role", body.Role);
        }

        var change = new AccountChange(AccountChangeKind.CreateUser, body.Username ?? "", role, body.Boroughs ?? [], body.Caseload ?? [], body.DisplayName);
        var submission = await SubmitAsync(http, approvals, change);
        if (submission.IsPending)
        {
            return ApprovalsApi.Pending(submission, change);
        }

        var account = await accounts.GetAsync(change.Username, http.RequestAborted);
        await AuditChangeAsync(http, account.Username, submission.Result!.Description);
        return Results.Created($"/api/v1/users/{account.Username}", new { user = Json(account), one_time_password = submission.Result.OneTimePassword });
    }

    // Scope grants go through the approval use case: made at once, or recorded as waiting for a second administrator.
    private static async Task<AccountChangeSubmission> SubmitAsync(HttpContext http, AccountApprovals approvals, AccountChange change)
    {
        var actor = await http.RequiredActorAsync();
        return await approvals.SubmitAsync(change, actor.Username, actor.Role.ToString(), null, http.RequestAborted);
    }

    private static async Task<IResult> SetDisabledAsync(string username, bool disabled, HttpContext http, IUserAccounts accounts)
    {
        await accounts.SetDisabledAsync(username, disabled, http.RequestAborted);
        await AuditChangeAsync(http, username, disabled ? "disabled" : "enabled");
        return Results.Ok(Json(await accounts.GetAsync(username, http.RequestAborted)));
    }

    private static async Task AuditChangeAsync(HttpContext http, string username, string what) =>
        await http.AuditAsync(await http.RequiredActorAsync(), AuditActions.ChangeUsers, "user", username, what);

    private static object Json(UserAccount u) => new
    {
        username = u.Username, role = u.Role.ToString(), boroughs = u.Boroughs, caseload = u.Caseload, display_name = u.DisplayName,
        disabled = u.Disabled, locked_out = u.LockedOut, second_factor = u.TwoFactor, must_change_password = u.MustChangePassword, created = u.Created.ToString(),
    };
}
