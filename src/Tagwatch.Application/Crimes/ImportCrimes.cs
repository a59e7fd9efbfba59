using Tagwatch.Application.Audit;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Imports;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Crimes;
using Tagwatch.Protocols.Crimes;

namespace Tagwatch.Application.Crimes;

/// <summary>
/// Imports a crime file (MoJ batch, police.uk street level, Tagwatch CSV) with its row-level report, records the import
/// in the audit log, and checks the new and changed crimes against trails at once.
/// </summary>
/// <remarks>Police store crimes of their own boroughs only: every other row is rejected, naming its borough. The import
/// queues its new and changed crimes in its own transaction, so the check that follows (and any a stopped import left
/// waiting) is never lost; the audit record is written before the check, so a failed check leaves the import recorded.</remarks>
public sealed class ImportCrimes(CrimeImporter importer, PendingCorrelation pending, IAuditLog audit)
{
    /// <summary>The force of a Tagwatch file that names none.</summary>
    public const string DefaultForce = "METROPOLITAN";

    public async Task<UseCaseResult<ImportCrimesResult>> ExecuteAsync(Actor actor, ImportCrimesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ManageCrimes))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.ManageCrimes)}.");
        }

        if (!Enum.IsDefined(request.Format))
        {
            return UseCaseFailure.Invalid("format", $"'{request.Format}' is not {CrimeFileFormats.Names}");
        }

        if (PoliceForce.Find(request.Force ?? DefaultForce) is not { } force)
        {
            return UseCaseFailure.Invalid("force", $"'{request.Force}' is not a known police force");
        }

        var report = request.Format switch
        {
            CrimeFileFormat.Moj => await importer.ImportAsync(MojCrimeBatchReader.Read(request.Content), actor, cancellationToken),
            CrimeFileFormat.PoliceUk => await importer.ImportAreaAsync(PoliceUkCsvReader.Read(request.Content), actor, cancellationToken),
            _ => await importer.ImportAsync(TagwatchCrimeCsvReader.Read(request.Content, force), actor, cancellationToken),
        };
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ImportCrimes, "crime", null,
            $"{CrimeFileFormats.Name(request.Format)} file: {report.Rows} rows, {report.Accepted} accepted, {report.Updated} updated, {report.Duplicates} duplicates, {report.Rejected} rejected"),
            cancellationToken);

        var correlation = request.Correlate ? await pending.RunCrimesAsync($"import by {actor.Username}", cancellationToken) : null;
        return new ImportCrimesResult(report, correlation);
    }
}
