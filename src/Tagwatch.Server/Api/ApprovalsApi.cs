using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>Account changes waiting for a second administrator: list, approve, reject (see <see cref="AccountApprovals"/>).</summary>
internal static class ApprovalsApi
{
    public sealed record RejectRequest(string Reason);

    public static void MapApprovalsApi(this IEndpointRouteBuilder api)
    {
        var approvals = api.MapGroup("/users/approvals").WithTags("Users").RequireAuthorization(nameof(Permission.ManageUsers));
        approvals.MapGet("/", async (AccountApprovals use, HttpContext http) =>
            Results.Ok((await use.PendingAsync(http.RequestAborted)).Select(p => new
            {
                id = p.Id, requested_by = p.RequestedBy, requested_at = p.RequestedAt.ToString(), kind = p.Change.Kind.ToString(),
                username = p.Change.Username, change = p.Change.Describe(), reason = p.Reason,
            }))).WithName("ListAccountApprovals");
        approvals.MapPost("/{id:long}/approve", async (long id, AccountApprovals use, HttpContext http) =>
        {
            var actor = await http.RequiredActorAsync();
            var result = await use.ApproveAsync(id, actor.Username, actor.Role.ToString(), http.RequestAborted);
            return Results.Ok(new { id, approved = result.Description, one_time_password = result.OneTimePassword });
        }).WithName("ApproveAccountChange").WithDescription("A different administrator from the one who asked makes the change take effect; a new account's or a reset's one-time password is shown here, once.");
        approvals.MapPost("/{id:long}/reject", async (long id, RejectRequest body, AccountApprovals use, HttpContext http) =>
        {
            var actor = await http.RequiredActorAsync();
            await use.RejectAsync(id, actor.Username, actor.Role.ToString(), body.Reason ?? "", http.RequestAborted);
            return Results.Ok(new { id, rejected = true });
        }).WithName("RejectAccountChange");
    }

    /// <summary>202: the change is recorded and waits for a second administrator.</summary>
    public static IResult Pending(AccountChangeSubmission submission, AccountChange change)
    {
        string id = submission.PendingId!.Value.ToString(CultureInfo.InvariantCulture);
        return Results.Accepted($"/api/v1/users/approvals/{id}", new
        {
            approval = submission.PendingId, status = "pending", change = change.Describe(),
            message = "This change widens what the account may see: it takes effect when a second administrator approves it (POST /api/v1/users/approvals/" + id + "/approve).",
        });
    }
}
