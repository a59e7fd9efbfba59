using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web.Pages.Admin;

/// <summary>Every account with its role, scope and state; disable, enable and reset a password (a reset waits for a second administrator).</summary>
[Authorize(Policy = nameof(Permission.ManageUsers))]
internal sealed class UsersModel(ListUsers list, DisableUser disable, EnableUser enable, ResetPassword reset) : WebPageModel
{
    public IReadOnlyList<UserAccount> Users { get; private set; } = [];

    /// <summary>A one-time password just issued by a reset made at once: shown on this answer only, never stored.</summary>
    public (string Username, string Password)? OneTime { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(string username, CancellationToken cancellationToken) =>
        SetAccessAsync(disable, username, "disabled: their sessions have ended and their tokens are revoked", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string username, CancellationToken cancellationToken) =>
        SetAccessAsync(enable, username, "enabled", cancellationToken);

    public async Task<IActionResult> OnPostResetAsync(string username, CancellationToken cancellationToken)
    {
        var result = await reset.ExecuteAsync(await ActorAsync(), new UserRequest(username), cancellationToken);
        if (!result.Succeeded)
        {
            return await FailedAsync(result.Failure, cancellationToken);
        }

        if (result.Value.Pending is { } pending)
        {
            TempData["Notice"] = $"The password reset of {username} waits for a second administrator (request {pending.Id}).";
            return RedirectToPage();
        }

        OneTime = (username, result.Value.OneTimePassword ?? "");
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> SetAccessAsync(SetUserAccess step, string username, string done, CancellationToken cancellationToken)
    {
        var result = await step.ExecuteAsync(await ActorAsync(), new UserRequest(username), cancellationToken);
        if (!result.Succeeded)
        {
            return await FailedAsync(result.Failure, cancellationToken);
        }

        TempData["Notice"] = $"{result.Value.Username} is {done}.";
        return RedirectToPage();
    }

    private async Task<IActionResult> FailedAsync(UseCaseFailure failure, CancellationToken cancellationToken)
    {
        var users = await list.ExecuteAsync(await ActorAsync(), new ListUsersRequest(), cancellationToken);
        Users = users.Succeeded ? users.Value : [];
        return Failed(failure, Page);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var result = await list.ExecuteAsync(await ActorAsync(), new ListUsersRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            return Refused(result.Failure);
        }

        Users = result.Value;
        return Page();
    }

    /// <summary>An account's scope in words: a police officer's boroughs, a probation officer's caseload.</summary>
    public static string ScopeOf(UserAccount user) => user.Role switch
    {
        Role.Police => string.Join(", ", user.Boroughs.Select(WebText.BoroughName)),
        Role.ProbationOfficer => user.Caseload.Count == 0 ? "empty caseload" : "caseload: " + string.Join(", ", user.Caseload),
        _ => "whole scheme",
    };
}
