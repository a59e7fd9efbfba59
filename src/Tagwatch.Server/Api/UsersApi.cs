using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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

    /// <summary>A new token: its secret is in this answer only.</summary>
    public sealed record NewTokenResponse(long Id, string Name, NodaTime.Instant Expires, string Secret);

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
        tokens.MapGet("/", ListOwnTokensAsync).WithName("ListOwnTokens");
        tokens.MapPost("/", CreateOwnTokenAsync).WithName("CreateOwnToken");
        tokens.MapDelete("/{id:long}", RevokeTokenAsync).WithName("RevokeToken");
    }

    private static async Task<Results<Ok<IReadOnlyList<ApiTokenInfo>>, ProblemHttpResult>> ListOwnTokensAsync(HttpContext http, ListTokens list)
    {
        var actor = await http.RequiredActorAsync();
        var result = await list.ExecuteAsync(actor, new ListTokensRequest(actor.Username), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(result.Value) : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Created<NewTokenResponse>, ProblemHttpResult>> CreateOwnTokenAsync(NewTokenRequest body, HttpContext http, CreateToken create)
    {
        var actor = await http.RequiredActorAsync();
        var result = await create.ExecuteAsync(actor, new CreateTokenRequest(body.Name, body.Days ?? 90), http.RequestAborted);
        if (!result.Succeeded)
        {
            return UseCaseAnswers.Problem(result.Failure);
        }

        var token = result.Value.Token;
        return TypedResults.Created($"/api/v1/tokens/{token.Id}", new NewTokenResponse(token.Id, token.Name, token.Expires, result.Value.Secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(long id, HttpContext http, RevokeToken revoke)
    {
        var actor = await http.RequiredActorAsync();
        var result = await revoke.ExecuteAsync(actor, new RevokeTokenRequest(id), http.RequestAborted);
        return result.Succeeded ? TypedResults.NoContent() : UseCaseAnswers.Problem(result.Failure);
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
