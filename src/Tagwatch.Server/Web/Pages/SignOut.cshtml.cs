using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Web.Pages;

/// <summary>Signing out (a form post, so another site cannot sign anyone out): the session ends on the server too.</summary>
[AllowAnonymous]
internal sealed class SignOutModel : WebPageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await Sessions.EndAsync(HttpContext);
        return RedirectToPage("/SignIn");
    }
}
