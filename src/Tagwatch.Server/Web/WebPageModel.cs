using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Web;

/// <summary>
/// A page on the use cases: the signed-in actor (read fresh, as the API reads it), and one translation of a use case's
/// failure — a field error on the form for invalid input, the refusal or not-found page otherwise (audited as the API's are).
/// </summary>
internal abstract class WebPageModel : PageModel
{
    /// <summary>The signed-in actor (pages require one; authorisation has already run).</summary>
    protected Task<Actor> ActorAsync() => HttpContext.RequiredActorAsync();

    /// <summary>
    /// Shows a failure: an invalid field becomes an error against that field (named <paramref name="fieldPrefix"/>.field
    /// when the form binds a nested model) and the page is shown again; any other failure answers its status page.
    /// </summary>
    protected IActionResult Failed(UseCaseFailure failure, Func<IActionResult> showAgain, string? fieldPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(showAgain);
        switch (failure.Kind)
        {
            case FailureKind.Invalid:
                string field = failure.Field is null ? "" : fieldPrefix is null ? failure.Field : $"{fieldPrefix}.{failure.Field}";
                ModelState.AddModelError(field, failure.Message);
                return showAgain();
            case FailureKind.Conflict or FailureKind.Refused:
                ModelState.AddModelError("", failure.Message);
                return showAgain();
            default:
                return Refused(failure);
        }
    }

    /// <summary>As <see cref="Failed"/>, for pages that must load their data again to show the form.</summary>
    protected async Task<IActionResult> FailedAsync(UseCaseFailure failure, Func<Task<IActionResult>> showAgain, string? fieldPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(showAgain);
        IActionResult? again = null;
        var answer = Failed(failure, () => again = new EmptyResult(), fieldPrefix);
        return again is null ? answer : await showAgain();
    }

    /// <summary>The refusal (403) or not-found (404) page for a failure, with the reason recorded in the audit log.</summary>
    protected IActionResult Refused(UseCaseFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        HttpContext.RecordRefusalReason(failure.Message);
        return StatusCode(failure.Kind == FailureKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound);
    }
}
