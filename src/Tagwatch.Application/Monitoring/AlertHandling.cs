using System.Globalization;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Monitoring;

/// <summary>What acknowledging and resolving an alert share: the permission, the request's checks, the desk's refusals
/// as failures, the live feed and the audit record.</summary>
internal static class AlertHandling
{
    public static async Task<UseCaseResult<Alert>> RunAsync(
        Actor actor, HandleAlertRequest request, IAlertFeed feed, IAuditLog audit, string action, Func<string, Task<Alert>> step, CancellationToken cancellationToken, bool noteRequired = false)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.HandleAlerts))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.HandleAlerts)}.");
        }

        if (noteRequired && string.IsNullOrWhiteSpace(request.Note))
        {
            return UseCaseFailure.Invalid("note", "resolving an alert needs a note saying what was done");
        }

        if (request.Note?.Length > StatedText.MaxReason)
        {
            return UseCaseFailure.Invalid("note", $"{request.Note.Length} characters; at most {StatedText.MaxReason} are kept");
        }

        string by = request.By ?? actor.Username;
        if (string.IsNullOrWhiteSpace(by))
        {
            return UseCaseFailure.Invalid("by", "say who is acting");
        }

        Alert alert;
        try
        {
            alert = await step(by);
        }
        catch (KeyNotFoundException)
        {
            return UseCaseFailure.NotFound($"There is no alert {request.Id}.");
        }
        catch (NotAllowedNowException e)
        {
            return UseCaseFailure.Conflict(e.Message);
        }

        feed.Publish(alert, action); // every open stream shows who has it
        string note = string.IsNullOrWhiteSpace(request.Note) ? "" : $": {request.Note.Trim()}";
        await audit.AppendAsync(
            new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.HandleAlert, "alert", request.Id.ToString(CultureInfo.InvariantCulture), action + note), cancellationToken);
        return alert;
    }
}
