using Microsoft.AspNetCore.Mvc;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Web.Pages.Account;

/// <summary>
/// Turning on or replacing one's own second factor (an authenticator app): the password (and the current code when one
/// is on) brings a new key, shown as text to type in; a code from it turns the second factor on. The same
/// <see cref="SecondFactorEnrolment"/> as the API's <c>/session/totp</c>. Open to every signed-in user, for themselves.
/// </summary>
internal sealed class SecondFactorModel(SecondFactorEnrolment enrolment) : WebPageModel
{
    public sealed class Form
    {
        public string? Password { get; set; }

        public string? Code { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    /// <summary>The new key, shown once after the password was checked.</summary>
    public AuthenticatorKey? Key { get; private set; }

    /// <summary>Whether the page asks for a code from the new key (just issued, or a code for it was wrong).</summary>
    public bool AwaitingCode { get; private set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostStartAsync()
    {
        var result = await enrolment.StartAsync(HttpContext, await ActorAsync(), Input.Password, string.IsNullOrWhiteSpace(Input.Code) ? null : Input.Code.Trim());
        if (!result.Succeeded)
        {
            return Failed(result.Failure.ForForm(), Page, "Input");
        }

        // The code typed to prove the old factor must not fill the new key's code field.
        ModelState.Clear();
        Input = new Form();
        Key = result.Value;
        AwaitingCode = true;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        if (await enrolment.ConfirmAsync(HttpContext, await ActorAsync(), Input.Code?.Trim()) is { } failure)
        {
            // The key stays stored; ask for the next code without showing it again (a fresh start shows a new one).
            ModelState.AddModelError("Input.Code", failure.ForForm().Message);
            AwaitingCode = failure.Kind == Application.UseCases.FailureKind.Invalid;
            return AwaitingCode ? Page() : Refused(failure);
        }

        TempData["Notice"] = "Your second factor is on: signing in now asks for a code from your authenticator app.";
        return RedirectToPage("/Account/Tokens");
    }
}
