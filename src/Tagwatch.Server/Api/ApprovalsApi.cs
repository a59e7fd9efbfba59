using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;
using Tagwatch.Server.Api.Users;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>Account changes waiting for a second administrator: list, approve, reject (the rules are <see cref="AccountApprovals"/>').</summary>
internal static class ApprovalsApi
{
    public sealed record RejectRequest(string? Reason);

    public static void MapApprovalsApi(this IEndpointRouteBuilder api)
    {
        var approvals = api.MapGroup("/users/approvals").WithTags("Users").RequireAuthorization(nameof(Permission.ManageUsers));
        approvals.MapGet("/", ListAsync).WithName("ListAccountApprovals");
        approvals.MapPost("/{id:long}/approve", ApproveAsync).WithName("ApproveAccountChange")
            .WithDescription("A different administrator from the one who asked makes the change take effect; a new account's or a reset's one-time password is shown here, once.");
        approvals.MapPost("/{id:long}/reject", RejectAsync).WithName("RejectAccountChange");
    }

    private static async Task<Results<Ok<IReadOnlyList<AccountApprovalResponse>>, ProblemHttpResult>> ListAsync(HttpContext http, ListApprovals list)
    {
        var result = await list.ExecuteAsync(await http.RequiredActorAsync(), new ListApprovalsRequest(), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok<IReadOnlyList<AccountApprovalResponse>>(result.Value.Select(AccountApprovalResponse.From).ToList())
            : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Ok<ApprovalGrantedResponse>, ProblemHttpResult>> ApproveAsync(long id, HttpContext http, ApproveChange approve)
    {
        var result = await approve.ExecuteAsync(await http.RequiredActorAsync(), new ApproveChangeRequest(id), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok(new ApprovalGrantedResponse(id, result.Value.Description, result.Value.OneTimePassword))
            : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Ok<ApprovalRejectedResponse>, ProblemHttpResult>> RejectAsync(long id, RejectRequest body, HttpContext http, RejectChange reject)
    {
        var result = await reject.ExecuteAsync(await http.RequiredActorAsync(), new RejectChangeRequest(id, body.Reason), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(new ApprovalRejectedResponse(id, true)) : UseCaseAnswers.Problem(result.Failure);
    }
}
