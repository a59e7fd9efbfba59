using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Server.Api.Users;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>Accounts (administrators) and personal API tokens (everyone, their own).</summary>
internal static class UsersApi
{
    public sealed record NewUserRequest(string? Username, Role? Role, string[]? Boroughs, string[]? Caseload, string? DisplayName);

    public sealed record CaseloadRequest(string[]? Caseload);

    public sealed record RoleRequest(Role? Role, string[]? Boroughs);

    public sealed record NewTokenRequest(string Name, int? Days);

    /// <summary>A new token: its secret is in this answer only.</summary>
    public sealed record NewTokenResponse(long Id, string Name, NodaTime.Instant Expires, string Secret);

    public static void MapUsersApi(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(nameof(Permission.ManageUsers));
        users.MapGet("/", ListAsync).WithName("ListUsers");
        users.MapPost("/", CreateAsync).WithName("CreateUser");
        users.MapPost("/{username}/disable", (string username, HttpContext http, DisableUser disable) => SetAccessAsync(disable, username, http)).WithName("DisableUser");
        users.MapPost("/{username}/enable", (string username, HttpContext http, EnableUser enable) => SetAccessAsync(enable, username, http)).WithName("EnableUser");
        users.MapPost("/{username}/reset-password", ResetPasswordAsync).WithName("ResetPassword");
        users.MapPut("/{username}/role", ChangeRoleAsync).WithName("ChangeRole");
        users.MapPut("/{username}/caseload", ChangeCaseloadAsync).WithName("ReplaceCaseload");

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

    private static async Task<Results<Ok<IReadOnlyList<UserResponse>>, ProblemHttpResult>> ListAsync(HttpContext http, ListUsers list)
    {
        var result = await list.ExecuteAsync(await http.RequiredActorAsync(), new ListUsersRequest(), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok<IReadOnlyList<UserResponse>>(result.Value.Select(UserResponse.From).ToList()) : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Created<UserCreatedResponse>, Accepted<ApprovalPendingResponse>, ProblemHttpResult>> CreateAsync(NewUserRequest body, HttpContext http, AddUser add)
    {
        if (body.Role is not { } role)
        {
            return RoleRequired();
        }

        var request = new AddUserRequest(body.Username, role, body.Boroughs ?? [], body.Caseload ?? [], body.DisplayName);
        var result = await add.ExecuteAsync(await http.RequiredActorAsync(), request, http.RequestAborted);
        if (!result.Succeeded)
        {
            return UseCaseAnswers.Problem(result.Failure);
        }

        if (result.Value is { Pending: { } pending })
        {
            return Pending(pending);
        }

        var user = result.Value.User!;
        return TypedResults.Created($"/api/v1/users/{user.Username}", new UserCreatedResponse(UserResponse.From(user), result.Value.OneTimePassword));
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> SetAccessAsync(SetUserAccess step, string username, HttpContext http)
    {
        var result = await step.ExecuteAsync(await http.RequiredActorAsync(), new UserRequest(username), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(UserResponse.From(result.Value)) : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Ok<PasswordResetResponse>, Accepted<ApprovalPendingResponse>, ProblemHttpResult>> ResetPasswordAsync(string username, HttpContext http, ResetPassword reset)
    {
        var result = await reset.ExecuteAsync(await http.RequiredActorAsync(), new UserRequest(username), http.RequestAborted);
        return !result.Succeeded ? UseCaseAnswers.Problem(result.Failure)
            : result.Value.Pending is { } pending ? Pending(pending)
            : TypedResults.Ok(new PasswordResetResponse(result.Value.User!.Username, result.Value.OneTimePassword));
    }

    private static async Task<Results<Ok<UserResponse>, Accepted<ApprovalPendingResponse>, ProblemHttpResult>> ChangeRoleAsync(string username, RoleRequest body, HttpContext http, ChangeRole change)
    {
        if (body.Role is not { } role)
        {
            return RoleRequired();
        }

        var result = await change.ExecuteAsync(await http.RequiredActorAsync(), new ChangeRoleRequest(username, role, body.Boroughs ?? []), http.RequestAborted);
        return Changed(result);
    }

    private static async Task<Results<Ok<UserResponse>, Accepted<ApprovalPendingResponse>, ProblemHttpResult>> ChangeCaseloadAsync(string username, CaseloadRequest body, HttpContext http, ChangeCaseload change)
    {
        var result = await change.ExecuteAsync(await http.RequiredActorAsync(), new ChangeCaseloadRequest(username, body.Caseload), http.RequestAborted);
        return Changed(result);
    }

    private static Results<Ok<UserResponse>, Accepted<ApprovalPendingResponse>, ProblemHttpResult> Changed(UseCaseResult<AccountChangeOutcome> result) =>
        !result.Succeeded ? UseCaseAnswers.Problem(result.Failure)
        : result.Value.Pending is { } pending ? Pending(pending)
        : TypedResults.Ok(UserResponse.From(result.Value.User!));

    // Missing is not a role: an absent "role" must never read as the enumeration's first value (administrator).
    private static ProblemHttpResult RoleRequired() =>
        UseCaseAnswers.Problem(UseCaseFailure.Invalid("role", $"required: one of {string.Join(", ", Enum.GetValues<Role>().Select(r => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(r.ToString())))}"));

    /// <summary>202: the change is recorded and waits for a second administrator.</summary>
    private static Accepted<ApprovalPendingResponse> Pending(PendingApproval pending) =>
        TypedResults.Accepted(ApprovalPendingResponse.Location(pending), ApprovalPendingResponse.From(pending));
}
