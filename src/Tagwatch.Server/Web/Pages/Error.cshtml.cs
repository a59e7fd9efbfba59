using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Tagwatch.Server.Web.Pages;

/// <summary>The page a refused, unknown or failed page request shows (the status code stays what it was).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel : WebPageModel
{
    public int Code { get; private set; }

    public IActionResult OnGet(int code)
    {
        Code = code;
        return Page();
    }

    // A refused form post re-executes here as a POST.
    public IActionResult OnPost(int code) => OnGet(code);
}
