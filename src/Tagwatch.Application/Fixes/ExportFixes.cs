using Tagwatch.Application.Audit;
using Tagwatch.Application.Tags;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;
using NodaTime;

namespace Tagwatch.Application.Fixes;

/// <summary>
/// A tag's whole fix record over a window, whoever wore it, as a file: device data for the monitoring centre, which sees
/// every worn tag's position (<see cref="Permission.ViewLivePositions"/>). A person's trail is read through
/// <see cref="Trails.ReadTrail"/> with its own rules. Audited as an export before the fixes are returned.
/// </summary>
public sealed class ExportFixes(ITagDirectory tags, IFixStore fixes, IAuditLog audit)
{
    public async Task<UseCaseResult<FixExport>> ExecuteAsync(Actor actor, ExportFixesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ViewLivePositions))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.ViewLivePositions)}.");
        }

        if (!TagId.TryParse(request.Tag, out var tag, out var error))
        {
            return UseCaseFailure.Invalid("tag", error ?? "not a tag identifier");
        }

        var from = request.From ?? Instant.MinValue;
        var to = request.To ?? Instant.MaxValue;
        if (to < from)
        {
            return UseCaseFailure.Invalid("to", "is before 'from'");
        }

        if (!Enum.IsDefined(request.Format))
        {
            return UseCaseFailure.Invalid("format", $"{request.Format} is not csv, gpx or geojson");
        }

        if ((await tags.FindRegisteredAsync([tag], cancellationToken)).Count == 0)
        {
            return UseCaseFailure.NotFound($"Tag {tag} is not registered.");
        }

        var read = await fixes.ReadAsync(tag, from, to, cancellationToken);
        string format = request.Format.ToString().ToLowerInvariant();
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.Export, "tag", tag.Value,
            $"fixes {from}–{to} as {format}; {read.Count} fixes to {request.Destination ?? "standard output"}"), cancellationToken);
        return new FixExport(tag, from, to, request.Format, read);
    }
}
