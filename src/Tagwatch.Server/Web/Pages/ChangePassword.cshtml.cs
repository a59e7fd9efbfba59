using Microsoft.AspNetCore.Mvc;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Web.Pages;

/// <summary>Changing one's own password: required before anything else after signing in with a one-time password.</summary>
internal sealed class ChangePasswordModel(PasswordSignIn passwordSignIn) : WebPageModel
{
    public sealed class Form
    {
        public string? Current { get; set; }

        public string? Replacement { get; set; }

        public string? Confirmation { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether the account still has its one-time password (the page then explains why it is shown).</summary>
    public bool OneTime => User.HasClaim(AuthenticationSetup.MustChangePasswordClaim, "true");

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Input.Current))
        {
            ModelState.AddModelError("Input.Current", "Enter your current password");
        }

        if (Input.Replacement != Input.Confirmation)
        {
            ModelState.AddModelError("Input.Confirmation", "The new password and its confirmation differ");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await passwordSignIn.ChangeOwnPasswordAsync(HttpContext, Input.Current, Input.Replacement) is { } failure)
        {
            // The account rules name the replacement; a wrong current password is said against the current field.
            string field = failure.Message.Contains("current", StringComparison.OrdinalIgnoreCase) || failure.Message.Contains("incorrect", StringComparison.OrdinalIgnoreCase)
                ? "Input.Current"
                : "Input.Replacement";
            ModelState.AddModelError(field, failure.Message);
            return Page();
        }

        TempData["Notice"] = "Your password has been changed.";
        return LocalRedirect(WebPaths.LocalOrHome(ReturnUrl));
    }
}
