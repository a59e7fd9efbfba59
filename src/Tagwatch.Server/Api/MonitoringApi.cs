using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Alerts;
using Tagwatch.Server.Security;

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
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
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

    private static async Task<Results<Ok<IReadOnlyList<LivePositionResponse>>, ProblemHttpResult>> LivePositionsAsync(HttpContext http, ReadLivePositions read)
    {
        var result = await read.ExecuteAsync(await http.RequiredActorAsync(), new ReadLivePositionsRequest(), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok<IReadOnlyList<LivePositionResponse>>([.. result.Value.Positions.Select(LivePositionResponse.Of)])
            : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Ok<IReadOnlyList<AlertResponse>>, ProblemHttpResult>> ListAlertsAsync(HttpContext http, ListAlerts list, string? state, int? limit, string? person)
    {
        var actor = await http.RequiredActorAsync();
        AlertState[]? states = null;
        if (state is not null)
        {
            if (!ApiValues.TryEnum<AlertState>(state, out var parsed))
            {
                return UseCaseAnswers.Problem(UseCaseFailure.Invalid("state", $"'{state}' is not one of {string.Join(", ", Enum.GetNames<AlertState>().Select(n => n.ToLowerInvariant()))}"));
            }

            states = [parsed];
        }

        // Out-of-range limits are brought into range, as this endpoint always has.
        var result = await list.ExecuteAsync(actor, new ListAlertsRequest(states, Math.Clamp(limit ?? ListAlerts.DefaultLimit, 1, ListAlerts.MaxLimit), Person: person), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok<IReadOnlyList<AlertResponse>>([.. result.Value.Alerts.Select(AlertResponse.Of)])
            : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Ok<AlertDetailResponse>, ProblemHttpResult>> GetAlertAsync(long id, HttpContext http, ShowAlert show)
    {
        var result = await show.ExecuteAsync(await http.RequiredActorAsync(), new ShowAlertRequest(id), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(AlertDetailResponse.Of(result.Value)) : UseCaseAnswers.Problem(result.Failure);
    }
}
