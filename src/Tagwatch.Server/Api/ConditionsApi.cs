using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Geo;
using Tagwatch.Storage;

namespace Tagwatch.Server.Api;

/// <summary>Probation officers set and end the location conditions of people on their caseload; each change is audited.</summary>
internal static class ConditionsApi
{
    public sealed record CircleArea(double Latitude, double Longitude, double Radius);

    public sealed record AreaRequest(CircleArea? Circle, string? Wkt, JsonElement? GeoJson);

    public sealed record RulesRequest(int? MinFixes, int? MinDwellSeconds, int? ClearFixes, double? HysteresisMetres);

    public sealed record ConditionRequest(string Kind, string? Label, AreaRequest Area, double? BufferMetres, string? Schedule, int? GraceMinutes, RulesRequest? Rules);

    public static void MapConditionsApi(this IEndpointRouteBuilder api)
    {
        var conditions = api.MapGroup("/offenders/{reference}/conditions").WithTags("Offenders").RequireAuthorization(nameof(Permission.ChangeOffenderRecords));
        conditions.MapPost("/", AddAsync).WithName("AddCondition")
            .WithDescription("kind: exclusion, inclusion or curfew; area: circle {latitude, longitude, radius} or wkt or geojson; schedule in London time ('always', 'daily 21:00-07:00').");
        conditions.MapDelete("/{id:long}", EndAsync).WithName("EndCondition");
    }

    private static async Task<IResult> AddAsync(string reference, ConditionRequest body, HttpContext http, TagwatchServices services)
    {
        var (actor, offender, refusal) = await OffendersApi.ResolveAsync(reference, http, services);
        if (refusal is not null)
        {
            return refusal;
        }

        ConditionKind kind;
        switch (body.Kind?.ToLowerInvariant())
        {
            case "exclusion": kind = ConditionKind.Exclusion; break;
            case "inclusion": kind = ConditionKind.Inclusion; break;
            case "curfew": kind = ConditionKind.Curfew; break;
            default: return ApiProblems.Invalid("kind", $"'{body.Kind}' is not exclusion, inclusion or curfew");
        }

        var (area, areaProblem) = Area(body.Area);
        if (area is null)
        {
            return ApiProblems.Invalid("area", areaProblem!);
        }

        if (!Schedule.TryParse(body.Schedule ?? "always", out var schedule, out string? scheduleProblem))
        {
            return ApiProblems.Invalid("schedule", scheduleProblem!);
        }

        var defaults = new DecisionRules();
        var rules = defaults with
        {
            MinViolatingFixes = body.Rules?.MinFixes ?? defaults.MinViolatingFixes,
            MinDwell = body.Rules?.MinDwellSeconds is { } dwell ? Duration.FromSeconds(dwell) : defaults.MinDwell,
            ClearingFixes = body.Rules?.ClearFixes ?? defaults.ClearingFixes,
            HysteresisMetres = body.Rules?.HysteresisMetres ?? defaults.HysteresisMetres,
        };
        if (rules.Problem() is { } rulesProblem)
        {
            return ApiProblems.Invalid("rules", rulesProblem);
        }

        if (body.Label?.Length > StatedText.MaxName)
        {
            return ApiProblems.Invalid("label", $"at most {StatedText.MaxName} characters");
        }

        string label = string.IsNullOrWhiteSpace(body.Label) ? kind.ToString().ToLowerInvariant() : body.Label.Trim();
        var grace = Duration.FromMinutes(body.GraceMinutes ?? (kind == ConditionKind.Curfew ? 10 : 0));
        var condition = new LicenceCondition(0, offender!.Id, kind, area, schedule, grace, rules, label);
        if (condition.Problem() is { } problem)
        {
            return ApiProblems.Invalid("condition", problem);
        }

        var added = await services.Conditions.AddAsync(condition, body.BufferMetres ?? 0, actor!.Username, http.RequestAborted);
        await http.AuditAsync(actor, AuditActions.ChangeConditions, "offender", offender.Reference.ToString(),
            $"condition {added.Id} added: {kind} '{label}', {schedule}, grace {grace.TotalMinutes} min, buffer {body.BufferMetres ?? 0} m");
        return Results.Created($"/api/v1/offenders/{offender.Reference}/conditions/{added.Id}", new { id = added.Id, kind = kind.ToString(), label, schedule = schedule.ToString() });
    }

    private static async Task<IResult> EndAsync(string reference, long id, HttpContext http, TagwatchServices services)
    {
        var (actor, offender, refusal) = await OffendersApi.ResolveAsync(reference, http, services);
        if (refusal is not null)
        {
            return refusal;
        }

        var theirs = await services.Conditions.ActiveAsync(offender!.Id, http.RequestAborted);
        if (theirs.All(c => c.Id != id) || !await services.Conditions.EndAsync(id, actor!.Username, http.RequestAborted))
        {
            return ApiProblems.NotFound($"{offender.Reference} has no condition {id} in force.");
        }

        await http.AuditAsync(actor, AuditActions.ChangeConditions, "offender", offender.Reference.ToString(), $"condition {id.ToString(CultureInfo.InvariantCulture)} ended");
        return Results.NoContent();
    }

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
