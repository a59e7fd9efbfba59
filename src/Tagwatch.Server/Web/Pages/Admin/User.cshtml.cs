using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web.Pages.Admin;

/// <summary>
/// One account: its role and scope, changed through the <see cref="ChangeRole"/> and <see cref="ChangeCaseload"/> use
/// cases — made at once, or (a grant that reaches location data or administers accounts) waiting for a second administrator.
/// </summary>
[Authorize(Policy = nameof(Permission.ManageUsers))]
internal sealed class UserModel(ListUsers list, ChangeRole changeRole, ChangeCaseload changeCaseload) : WebPageModel
{
    public sealed class RoleForm
    {
        public Role? Role { get; set; }

        /// <summary>London boroughs by name or code, separated by commas (police only).</summary>
        public string? Boroughs { get; set; }
    }

    public sealed class CaseloadForm
    {
        /// <summary>Person references separated by commas or lines; empty empties the caseload.</summary>
        public string? Caseload { get; set; }
    }

    [BindProperty]
    public RoleForm RoleInput { get; set; } = new();

    [BindProperty]
    public CaseloadForm CaseloadInput { get; set; } = new();

    public UserAccount Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string username, CancellationToken cancellationToken)
    {
        if (await LoadAsync(username, cancellationToken) is { } refused)
        {
            return refused;
        }

        RoleInput = new RoleForm { Role = Account.Role, Boroughs = string.Join(", ", Account.Boroughs.Select(WebText.BoroughName)) };
        CaseloadInput = new CaseloadForm { Caseload = string.Join(", ", Account.Caseload) };
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(string username, CancellationToken cancellationToken)
    {
        if (await LoadAsync(username, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (RoleInput.Role is not { } role)
        {
            ModelState.AddModelError("RoleInput.Role", "Choose the user's role");
            return Page();
        }

        var result = await changeRole.ExecuteAsync(await ActorAsync(), new ChangeRoleRequest(Account.Username, role, AddUserModel.List(RoleInput.Boroughs)), cancellationToken);
        return result.Succeeded ? Done(result.Value, $"{Account.Username} is now {WebText.RoleName(role)}") : Failed(result.Failure.ForForm(), Page, "RoleInput");
    }

    public async Task<IActionResult> OnPostCaseloadAsync(string username, CancellationToken cancellationToken)
    {
        if (await LoadAsync(username, cancellationToken) is { } refused)
        {
            return refused;
        }

        var caseload = (CaseloadInput.Caseload ?? "").Split([',', '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = await changeCaseload.ExecuteAsync(await ActorAsync(), new ChangeCaseloadRequest(Account.Username, caseload), cancellationToken);
        return result.Succeeded ? Done(result.Value, $"{Account.Username}'s caseload is changed") : Failed(result.Failure.ForForm(), Page, "CaseloadInput");
    }

    private RedirectToPageResult Done(AccountChangeOutcome outcome, string made)
    {
        TempData["Notice"] = outcome.Pending is { } pending
            ? $"The change waits for a second administrator (request {pending.Id}): {pending.Change}."
            : $"{made}; their sessions have ended.";
        return RedirectToPage(new { username = Account.Username });
    }

    private async Task<IActionResult?> LoadAsync(string username, CancellationToken cancellationToken)
    {
        var result = await list.ExecuteAsync(await ActorAsync(), new ListUsersRequest(username), cancellationToken);
        if (!result.Succeeded)
        {
            return Refused(result.Failure);
        }

        if (result.Value.FirstOrDefault(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase)) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        return null;
    }
}
