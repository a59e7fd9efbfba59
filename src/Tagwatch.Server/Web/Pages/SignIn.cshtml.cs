using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Web.Pages;

/// <summary>Sign-in: user name, password and — when the account has a second factor — the authenticator's code.</summary>
[AllowAnonymous]
internal sealed class SignInModel(PasswordSignIn passwordSignIn) : WebPageModel
{
    public sealed class Form
    {
        public string? Username { get; set; }

        public string? Password { get; set; }

        public string? Code { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether the browser was sent here because its session ended (<c>?expired=1</c>).</summary>
    public bool Expired => HttpMethods.IsGet(Request.Method) && Request.Query["expired"] == "1";

    /// <summary>Whether the code field is shown: after an attempt that needed it, or when asked for.</summary>
    public bool AskForCode { get; private set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true && Sessions.IsSession(User) ? LocalRedirect(WebPaths.LocalOrHome(ReturnUrl)) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await passwordSignIn.SignInAsync(HttpContext, Input.Username, Input.Password, Input.Code);
        switch (outcome.Result)
        {
            case PasswordSignInResult.SignedIn:
                return outcome.Account!.MustChangePassword
                    ? RedirectToPage("/ChangePassword", new { returnUrl = WebPaths.LocalOrHome(ReturnUrl) })
                    : LocalRedirect(WebPaths.LocalOrHome(ReturnUrl));
            case PasswordSignInResult.Throttled:
                ModelState.AddModelError("", $"Too many failed sign-ins from this address. Try again in {WebText.Duration(outcome.RetryAfter!.Value)}.");
                break;
            case PasswordSignInResult.Invalid:
                string field = outcome.Failure!.Field == "password" ? "Input.Password" : "Input.Username";
                ModelState.AddModelError(field, field == "Input.Password" ? "Enter your password" : "Enter your user name");
                break;
            case PasswordSignInResult.SecondFactorRequired:
                AskForCode = true;
                ModelState.AddModelError("Input.Code", string.IsNullOrWhiteSpace(Input.Code)
                    ? "Enter the 6-digit code from your authenticator app, and your password again"
                    : "The code is wrong or has expired: enter the current code, and your password again");
                break;
            default:
                AskForCode = !string.IsNullOrWhiteSpace(Input.Code);
                ModelState.AddModelError("Input.Password", PasswordSignIn.FailedMessage);
                break;
        }

        return Page();
    }
}
