using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tagwatch.Application.Accounts;

namespace Tagwatch.Server.Web.Pages.Account;

/// <summary>
/// The signed-in user's own personal API tokens: create one (its secret shown on this answer only), list, revoke.
/// Open to every signed-in user; the use cases keep each to their own tokens.
/// </summary>
internal sealed class TokensModel(ListTokens list, CreateToken create, RevokeToken revoke) : WebPageModel
{
    public sealed class Form
    {
        public string? Name { get; set; }

        public int Days { get; set; } = 90;
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public IReadOnlyList<ApiTokenInfo> Tokens { get; private set; } = [];

    /// <summary>The token just created and its secret, shown this once.</summary>
    public CreatedToken? Created { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var result = await create.ExecuteAsync(await ActorAsync(), new CreateTokenRequest(Input.Name?.Trim(), Input.Days), cancellationToken);
        if (!result.Succeeded)
        {
            return await ShowAsync(cancellationToken) is PageResult ? Failed(result.Failure, Page, "Input") : Refused(result.Failure);
        }

        Created = result.Value;
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        var result = await revoke.ExecuteAsync(await ActorAsync(), new RevokeTokenRequest(id), cancellationToken);
        if (!result.Succeeded)
        {
            return Refused(result.Failure);
        }

        TempData["Notice"] = $"Token {id} is revoked: it no longer works.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var actor = await ActorAsync();
        var result = await list.ExecuteAsync(actor, new ListTokensRequest(actor.Username), cancellationToken);
        if (!result.Succeeded)
        {
            return Refused(result.Failure);
        }

        Tokens = result.Value;
        return Page();
    }
}
