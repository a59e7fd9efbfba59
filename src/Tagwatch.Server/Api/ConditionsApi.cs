using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Tagwatch.Application.Conditions;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Geo;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>
/// Probation officers read, set, change, suspend and end the location conditions of people on their caseload: the doors onto
/// <see cref="ListConditions"/>, <see cref="AddCondition"/>, <see cref="ChangeCondition"/>, <see cref="SuspendCondition"/> and <see cref="EndCondition"/>,
/// which hold the access rules and write the audit records.
/// </summary>
internal static class ConditionsApi
{
    public sealed record CircleArea(double Latitude, double Longitude, double Radius);

    public sealed record AreaRequest(CircleArea? Circle, string? Wkt, JsonElement? GeoJson);

    public sealed record RulesRequest(int? MinFixes, int? MinDwellSeconds, int? ClearFixes, double? HysteresisMetres);

    /// <summary>A new condition; <c>from</c> is when it applies from (not before monitoring began), default now.</summary>
    public sealed record ConditionRequest(
        ConditionKind? Kind, string? Label, AreaRequest Area, double? BufferMetres, string? Schedule, int? GraceMinutes, RulesRequest? Rules, Instant? From);

    /// <summary>A change of a condition in force: the new area, buffer and schedule (default: always) and, if given, name.</summary>
    public sealed record ChangeRequest(string? Label, AreaRequest Area, double? BufferMetres, string? Schedule);

    /// <summary>A window in which a breach of the condition starting raises no alert, and why.</summary>
    public sealed record SuspensionRequest(Instant? From, Instant? To, string? Reason);

    /// <summary>A condition in force: whose, what, when it applies and the area (<c>circle LAT LON RADIUS</c> or WKT, grown by its buffer).</summary>
    public sealed record ConditionResponse(
        long Id, string Offender, ConditionKind Kind, string Label, string Schedule, double GraceMinutes, Instant From, string Area)
    {
        public static ConditionResponse Of(PersonCondition c) => new(
            c.Condition.Id, c.Offender.ToString(), c.Condition.Kind, c.Condition.Label, c.Condition.Schedule.Text,
            c.Condition.Grace.TotalMinutes, c.Condition.AppliesFrom, c.Condition.Area.Description);
    }

    /// <summary>A suspension as recorded.</summary>
    public sealed record SuspensionResponse(long ConditionId, string Offender, Instant From, Instant To, string Reason);

    public static void MapConditionsApi(this IEndpointRouteBuilder api)
    {
        var conditions = api.MapGroup("/offenders/{reference}/conditions").WithTags("Offenders");
        conditions.MapGet("/", ListAsync).RequireAuthorization(nameof(Permission.ViewOffenderRecords)).WithName("GetOffenderConditions");
        conditions.MapPost("/", AddAsync).RequireAuthorization(nameof(Permission.ChangeOffenderRecords)).WithName("AddCondition")
            .WithDescription("kind: exclusion, inclusion or curfew; area: circle {latitude, longitude, radius} or wkt or geojson; schedule in London time ('always', 'daily 21:00-07:00'); from: when it applies (default now).");
        conditions.MapPost("/{id:long}/replacement", ChangeAsync).RequireAuthorization(nameof(Permission.ChangeOffenderRecords)).WithName("ChangeCondition")
            .WithDescription("Changes a condition in force: it ends now and the replacement (same kind, grace and rules; the area, buffer, schedule and name given) applies from now, under a new id (its address in Location). Alerts already raised keep the condition they were raised on.");
        conditions.MapDelete("/{id:long}", EndAsync).RequireAuthorization(nameof(Permission.ChangeOffenderRecords)).WithName("EndCondition");
        conditions.MapPost("/{id:long}/suspensions", SuspendAsync).RequireAuthorization(nameof(Permission.ChangeOffenderRecords)).WithName("SuspendCondition")
            .WithDescription("No alert is raised for a breach of the condition that starts in [from, to); the reason is required and recorded.");
    }

    private static async Task<Results<Ok<IReadOnlyList<ConditionResponse>>, ProblemHttpResult>> ListAsync(string reference, HttpContext http, ListConditions list)
    {
        var actor = await http.RequiredActorAsync();
        var result = await list.ExecuteAsync(actor, new ListConditionsRequest(reference), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok<IReadOnlyList<ConditionResponse>>([.. result.Value.Conditions.Select(ConditionResponse.Of)])
            : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Created<ConditionResponse>, ProblemHttpResult>> AddAsync(string reference, ConditionRequest body, HttpContext http, AddCondition add)
    {
        var actor = await http.RequiredActorAsync();
        if (body.Kind is not { } kind)
        {
            return Invalid("kind", "required: exclusion, inclusion or curfew");
        }

        var (area, areaProblem) = Area(body.Area);
        if (area is null)
        {
            return Invalid("area", areaProblem!);
        }

        if (!Schedule.TryParse(body.Schedule ?? "always", out var schedule, out string? scheduleProblem))
        {
            return Invalid("schedule", scheduleProblem!);
        }

        var defaults = new DecisionRules();
        var rules = defaults with
        {
            MinViolatingFixes = body.Rules?.MinFixes ?? defaults.MinViolatingFixes,
            MinDwell = body.Rules?.MinDwellSeconds is { } dwell ? Duration.FromSeconds(dwell) : defaults.MinDwell,
            ClearingFixes = body.Rules?.ClearFixes ?? defaults.ClearingFixes,
            HysteresisMetres = body.Rules?.HysteresisMetres ?? defaults.HysteresisMetres,
        };
        var request = new AddConditionRequest(reference, kind, area, schedule, rules, body.Label,
            body.GraceMinutes is { } grace ? Duration.FromMinutes(grace) : null, body.BufferMetres ?? 0, body.From);
        var result = await add.ExecuteAsync(actor, request, http.RequestAborted);
        if (!result.Succeeded)
        {
            return UseCaseAnswers.Problem(result.Failure);
        }

        var added = ConditionResponse.Of(result.Value);
        return TypedResults.Created($"/api/v1/offenders/{added.Offender}/conditions/{added.Id}", added);
    }

    private static async Task<Results<Created<ConditionResponse>, ProblemHttpResult>> ChangeAsync(string reference, long id, ChangeRequest body, HttpContext http, ChangeCondition change)
    {
        var actor = await http.RequiredActorAsync();
        var (area, areaProblem) = Area(body.Area);
        if (area is null)
        {
            return Invalid("area", areaProblem!);
        }

        if (!Schedule.TryParse(body.Schedule ?? "always", out var schedule, out string? scheduleProblem))
        {
            return Invalid("schedule", scheduleProblem!);
        }

        var result = await change.ExecuteAsync(actor, new ChangeConditionRequest(id, reference, area, body.BufferMetres ?? 0, schedule, body.Label), http.RequestAborted);
        if (!result.Succeeded)
        {
            return UseCaseAnswers.Problem(result.Failure);
        }

        var changed = ConditionResponse.Of(result.Value);
        return TypedResults.Created($"/api/v1/offenders/{changed.Offender}/conditions/{changed.Id}", changed);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EndAsync(string reference, long id, HttpContext http, EndCondition end)
    {
        var actor = await http.RequiredActorAsync();
        var result = await end.ExecuteAsync(actor, new EndConditionRequest(id, reference), http.RequestAborted);
        return result.Succeeded ? TypedResults.NoContent() : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Created<SuspensionResponse>, ProblemHttpResult>> SuspendAsync(string reference, long id, SuspensionRequest body, HttpContext http, SuspendCondition suspend)
    {
        var actor = await http.RequiredActorAsync();
        if (body.From is not { } from || body.To is not { } to)
        {
            return Invalid(body.From is null ? "from" : "to", "required, as an ISO-8601 UTC instant (2019-03-01T12:00:00Z)");
        }

        var result = await suspend.ExecuteAsync(actor, new SuspendConditionRequest(id, from, to, body.Reason, reference), http.RequestAborted);
        if (!result.Succeeded)
        {
            return UseCaseAnswers.Problem(result.Failure);
        }

        var s = result.Value;
        return TypedResults.Created(
            $"/api/v1/offenders/{s.Condition.Offender}/conditions/{id}",
            new SuspensionResponse(id, s.Condition.Offender.ToString(), s.Window.Start, s.Window.End, s.Reason));
    }

    private static ProblemHttpResult Invalid(string field, string message) => UseCaseAnswers.Problem(UseCaseFailure.Invalid(field, message));

    private static (ZoneArea? Area, string? Problem) Area(AreaRequest? request)
    {
        int given = (request?.Circle is null ? 0 : 1) + (request?.Wkt is null ? 0 : 1) + (request?.GeoJson is null ? 0 : 1);
        if (request is null || given != 1)
        {
            return (null, "give exactly one of circle, wkt or geojson");
        }

        if (request.Circle is { } c)
        {
            if (!GeoPoint.TryCreate(c.Latitude, c.Longitude, out var centre, out string? error))
            {
                return (null, $"circle: {error}");
            }

            try
            {
                return (ZoneArea.Circle(centre, c.Radius), null);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                return (null, $"circle radius: {Core.UserMessages.Of(ex)}");
            }
        }

        string text = request.Wkt ?? request.GeoJson!.Value.GetRawText();
        return ZoneArea.TryParse(text, out var area, out string? problem) ? (area, null) : (null, problem);
    }
}
