using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Access;
using Tagwatch.Core.Alerts;
using Tagwatch.Server.Security;
using Tagwatch.Storage;

namespace Tagwatch.Server.Api;

/// <summary>The monitoring centre: live positions of active tags, alerts and their handling; probation reads its caseload's alerts.</summary>
internal static class MonitoringApi
{
    public sealed record AlertNote(string? Note);

    public static void MapMonitoringApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/positions/live", LivePositionsAsync).WithTags("Monitoring").RequireAuthorization(nameof(Permission.ViewLivePositions)).WithName("LivePositions");
        var alerts = api.MapGroup("/alerts").WithTags("Monitoring");
        alerts.MapGet("/", ListAlertsAsync).RequireAuthorization(nameof(Permission.ViewAlerts)).WithName("ListAlerts");
        alerts.MapGet("/stream", AlertStreamEndpoint.HandleAsync).RequireAuthorization(nameof(Permission.ViewAlerts)).WithName("StreamAlerts")
            .WithDescription("Server-sent events: one 'alert' event per alert change (raised, amended, ended, acknowledged, resolved, withdrawn…).");
        alerts.MapGet("/{id:long}", GetAlertAsync).RequireAuthorization(nameof(Permission.ViewAlerts)).WithName("GetAlert");
        alerts.MapPost("/{id:long}/acknowledge", AcknowledgeAsync).RequireAuthorization(nameof(Permission.HandleAlerts)).WithName("AcknowledgeAlert");
        alerts.MapPost("/{id:long}/resolve", ResolveAsync).RequireAuthorization(nameof(Permission.HandleAlerts)).WithName("ResolveAlert");
    }

    private static async Task<Results<Ok<AlertResponse>, ProblemHttpResult>> AcknowledgeAsync(long id, AlertNote body, HttpContext http, AcknowledgeAlert acknowledge)
    {
        var result = await acknowledge.ExecuteAsync(await http.RequiredActorAsync(), new HandleAlertRequest(id, body.Note), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(AlertResponse.Of(result.Value, null)) : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Ok<AlertResponse>, ProblemHttpResult>> ResolveAsync(long id, AlertNote body, HttpContext http, ResolveAlert resolve)
    {
        var result = await resolve.ExecuteAsync(await http.RequiredActorAsync(), new HandleAlertRequest(id, body.Note), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(AlertResponse.Of(result.Value, null)) : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<IResult> LivePositionsAsync(HttpContext http, TagwatchServices services, TimeProvider clock)
    {
        var actor = await http.RequiredActorAsync();
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var assignments = (await services.Tags.MonitoredAssignmentsAsync(http.RequestAborted)).Where(a => a.Covers(now)).ToList();
        var references = (await services.Offenders.ListAsync(http.RequestAborted)).ToDictionary(o => o.Id, o => o.Reference.ToString());
        var contacts = (await services.Ingest.ContactsAsync(http.RequestAborted)).ToDictionary(c => c.Tag);
        var positions = new List<object>();
        foreach (var assignment in assignments)
        {
            var recent = await services.Fixes.ReadAsync(assignment.Tag, now - Duration.FromHours(12), now + Duration.FromMinutes(1), http.RequestAborted);
            contacts.TryGetValue(assignment.Tag, out var contact);
            var last = recent.Count > 0 ? recent[^1] : (Core.Fixes.Fix?)null;
            if (last is { } fix && !AccessPolicy.CoversPosition(actor, fix.Position))
            {
                // A borough-scoped actor sees no tag whose last position lies outside their boroughs.
                continue;
            }

            positions.Add(new
            {
                tag = assignment.Tag.Value, offender = references.GetValueOrDefault(assignment.Offender),
                time = last?.Time.ToString(), latitude = last?.Latitude, longitude = last?.Longitude, accuracy_m = last?.AccuracyMetres,
                last_contact = contact?.LastContact.ToString(), battery_percent = contact?.BatteryPercent,
            });
        }

        await http.AuditAsync(actor, AuditActions.ViewPositions, "tag", null, $"live positions of {positions.Count} active tags");
        return Results.Ok(positions);
    }

    private static async Task<IResult> ListAlertsAsync(HttpContext http, TagwatchServices services, string? state, int? limit)
    {
        var actor = await http.RequiredActorAsync();
        AlertState[]? states = null;
        if (state is not null)
        {
            if (!ApiValues.TryEnum<AlertState>(state, out var parsed))
            {
                return ApiValues.NotOneOf<AlertState>("state", state);
            }

            states = [parsed];
        }

        var references = (await services.Offenders.ListAsync(http.RequestAborted)).ToDictionary(o => o.Id, o => o.Reference.ToString());
        var alerts = (await services.Alerts.ListAsync(states, Math.Clamp(limit ?? 500, 1, 5000), http.RequestAborted))
            .Select(a => (Alert: a, Reference: a.Offender is { } o ? references.GetValueOrDefault(o) : null))
            .Where(a => AccessPolicy.CoversOffender(actor, a.Reference ?? "") || actor.Role == Role.MonitoringOfficer)
            .ToList();
        await http.AuditAsync(actor, AuditActions.ViewAlerts, "alert", null, $"{alerts.Count} alerts{(state is null ? "" : $" ({state})")}");
        return Results.Ok(alerts.Select(a => Json(a.Alert, a.Reference)));
    }

    private static async Task<IResult> GetAlertAsync(long id, HttpContext http, TagwatchServices services)
    {
        var actor = await http.RequiredActorAsync();
        var alert = await services.Alerts.FindAsync(id, http.RequestAborted);
        if (alert is null)
        {
            return ApiProblems.NotFound($"There is no alert {id}.");
        }

        string? reference = alert.Offender is { } o ? (await services.Offenders.ListAsync(http.RequestAborted)).FirstOrDefault(x => x.Id == o)?.Reference.ToString() : null;
        if (actor.Role != Role.MonitoringOfficer && !AccessPolicy.CoversOffender(actor, reference ?? ""))
        {
            return ApiProblems.OutOfScope($"Alert {id} concerns someone not on your caseload.");
        }

        var history = await services.Alerts.HistoryAsync(id, http.RequestAborted);
        await http.AuditAsync(actor, AuditActions.ViewAlerts, "alert", id.ToString(CultureInfo.InvariantCulture), "alert with evidence and trail");
        return Results.Ok(new
        {
            alert = Json(alert, reference),
            evidence = System.Text.Json.JsonDocument.Parse(alert.EvidenceJson).RootElement,
            history = history.Select(h => new { at = h.At.ToString(), action = h.Action, by = h.By, note = h.Note }),
        });
    }

    private static object Json(Alert a, string? reference) => new
    {
        id = a.Id, type = a.Type.Name, severity = a.Severity.ToString(), state = a.State.ToString(), tag = a.Tag.Value, offender = reference,
        condition = a.ConditionId, start = a.Start.ToString(), end = a.End?.ToString(), raised = a.Raised.ToString(), summary = a.Summary, repeats = a.Repeats,
    };
}
