using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web.Pages.Admin;

/// <summary>
/// Adds an account (the <see cref="AddUser"/> use case): made at once with a one-time password shown on this answer
/// only, or — for a role that reaches location data or administers accounts — recorded for a second administrator.
/// </summary>
[Authorize(Policy = nameof(Permission.ManageUsers))]
internal sealed class AddUserModel(AddUser add) : WebPageModel
{
    public sealed class Form
    {
        public string? Username { get; set; }

        public string? DisplayName { get; set; }

        public Role? Role { get; set; }

        /// <summary>London boroughs by name or code, separated by commas (police only).</summary>
        public string? Boroughs { get; set; }

        /// <summary>Person references separated by commas (probation officers only).</summary>
        public string? Caseload { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    /// <summary>The account just made and its one-time password, shown this once.</summary>
    public (string Username, string Password)? Created { get; private set; }


    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Role is not { } role)
        {
            ModelState.AddModelError("Input.Role", "Choose the user's role");
            return Page();
        }

        var request = new AddUserRequest(Input.Username?.Trim(), role, List(Input.Boroughs), List(Input.Caseload), string.IsNullOrWhiteSpace(Input.DisplayName) ? null : Input.DisplayName.Trim());
        var result = await add.ExecuteAsync(await ActorAsync(), request, cancellationToken);
        if (!result.Succeeded)
        {
            return Failed(result.Failure, Page, "Input");
        }

        if (result.Value.Pending is { } pending)
        {
            TempData["Notice"] = $"The new account {request.Username} waits for a second administrator's approval (request {pending.Id}).";
            return RedirectToPage("/Admin/Users");
        }

        Created = (result.Value.User!.Username, result.Value.OneTimePassword ?? "");
        return Page();
    }

    /// <summary>"a, b ,c" → ["a", "b", "c"].</summary>
    public static IReadOnlyList<string> List(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
