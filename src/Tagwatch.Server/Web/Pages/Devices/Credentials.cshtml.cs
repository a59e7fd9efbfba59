using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tagwatch.Application.Tags;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web.Pages.Devices;

/// <summary>
/// Upload credentials for devices and vendor gateways (<see cref="ListDeviceCredentials"/>,
/// <see cref="CreateDeviceCredential"/>, <see cref="RevokeDeviceCredential"/>): a new secret is shown on the answer that
/// made it and never again (only its hash is kept).
/// </summary>
[Authorize(Policy = nameof(Permission.ManageTags))]
internal sealed class CredentialsModel(ListDeviceCredentials list, CreateDeviceCredential create, RevokeDeviceCredential revoke) : WebPageModel
{
    public sealed class Form
    {
        /// <summary>The device it uploads for; empty for a gateway credential.</summary>
        public string? Tag { get; set; }

        public string? Name { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public IReadOnlyList<DeviceCredential> Credentials { get; private set; } = [];

    /// <summary>The credential just made and its secret, shown this once.</summary>
    public CreatedDeviceCredential? Created { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        string? tag = string.IsNullOrWhiteSpace(Input.Tag) ? null : Input.Tag.Trim();
        var result = await create.ExecuteAsync(await ActorAsync(), new CreateDeviceCredentialRequest(tag, Input.Name), cancellationToken);
        if (!result.Succeeded)
        {
            // A tag not registered was typed into the tag field: said there, not as a missing page.
            var failure = result.Failure.Kind == FailureKind.NotFound ? UseCaseFailure.Invalid("Tag", result.Failure.Message)
                : result.Failure.Field is { } field ? UseCaseFailure.Invalid(field == "tag" ? "Tag" : "Name", result.Failure.Message)
                : result.Failure;
            return await FailedAsync(failure, () => ShowAsync(cancellationToken), "Input");
        }

        Created = result.Value;
        Input = new();
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        var result = await revoke.ExecuteAsync(await ActorAsync(), new RevokeDeviceCredentialRequest(id), cancellationToken);
        if (!result.Succeeded)
        {
            return Refused(result.Failure);
        }

        TempData["Notice"] = $"Credential {id} revoked: it uploads nothing from now on.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var result = await list.ExecuteAsync(await ActorAsync(), new ListDeviceCredentialsRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            return Refused(result.Failure);
        }

        Credentials = result.Value;
        return Page();
    }
}
