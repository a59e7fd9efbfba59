using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tagwatch.Application.Crimes;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web.Pages.Crimes;

/// <summary>
/// Uploads a crime file through <see cref="ImportCrimes"/> (the same import, scope rules and audit as the API's) and
/// shows its row-by-row report: how many rows were accepted, updated and refused, and each refused row's line and reason.
/// A plain form post; with script, the upload shows its progress and then this same report.
/// </summary>
[Authorize(Policy = nameof(Permission.ManageCrimes))]
internal sealed class UploadModel(ImportCrimes import) : WebPageModel
{
    /// <summary>The formats a person chooses from, in the order shown, with their descriptions.</summary>
    public static readonly IReadOnlyList<(CrimeFileFormat Format, string Label, string Hint)> Formats =
    [
        (CrimeFileFormat.Moj, "MoJ crime-mapping batch", "The comma-separated batch police forces send for matching"),
        (CrimeFileFormat.PoliceUk, "police.uk street-level crimes", "A month of published crimes, stored as area context (not matched)"),
        (CrimeFileFormat.Tagwatch, "Tagwatch crime file", "crime_ref, category, lat, lon, committed_from, committed_to, with optional precision_m and text"),
    ];

    public sealed class UploadForm
    {
        public IFormFile? File { get; set; }

        public string? Format { get; set; }
    }

    [BindProperty]
    public UploadForm Input { get; set; } = new();

    public ImportCrimesResult? Result { get; private set; }

    public string? FileName { get; private set; }

    public void OnGet() => Input.Format = CrimeFileFormats.Name(CrimeFileFormat.Moj);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear(); // The fields are read below, with this page's own wording for what is missing.
        if (Input.File is not { Length: > 0 } file)
        {
            ModelState.AddModelError("Input.File", "Select a crime file to upload");
        }

        if (!CrimeFileFormats.TryParse(Input.Format, out var format))
        {
            ModelState.AddModelError("Input.Format", "Select what kind of file it is");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var content = Input.File!.OpenReadStream();
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var imported = await import.ExecuteAsync(await ActorAsync(), new ImportCrimesRequest(format, reader), cancellationToken);
        if (!imported.Succeeded)
        {
            return Failed(imported.Failure, Page, "Input");
        }

        Result = imported.Value;
        FileName = Path.GetFileName(Input.File.FileName);
        return Page();
    }
}
