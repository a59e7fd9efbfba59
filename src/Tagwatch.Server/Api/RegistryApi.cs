using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Server.Api.Tags;
using Tagwatch.Server.Security;
using Tagwatch.Storage;

namespace Tagwatch.Server.Api;

/// <summary>The device registry and the scheme's settings, for administrators: no personal data, no positions.</summary>
internal static class RegistryApi
{
    public sealed record SchemeChange(string? Name, int? Capacity, string[]? Boroughs, string? Start, int? LengthMonths, int? MaxMonitoringMonths, string[]? EligibleOffences, string? CorrelationMinimumTier);

    public static void MapRegistryApi(this IEndpointRouteBuilder api)
    {
        api.MapTagsApi();
        api.MapGet("/scheme", async (HttpContext http, TagwatchServices services) => Results.Ok(Json(await services.OffenderStore.GetSchemeAsync(http.RequestAborted))))
            .WithTags("Registry").RequireAuthorization(nameof(Permission.ManageScheme)).WithName("GetScheme");
        api.MapPut("/scheme", ChangeSchemeAsync).WithTags("Registry").RequireAuthorization(nameof(Permission.ManageScheme)).WithName("ChangeScheme")
            .WithDescription("Changes the fields given (others keep their values); the whole result must be coherent.");
    }

    private static async Task<IResult> ChangeSchemeAsync(SchemeChange body, HttpContext http, TagwatchServices services)
    {
        var actor = await http.RequiredActorAsync();
        var scheme = await services.OffenderStore.GetSchemeAsync(http.RequestAborted);
        var boroughs = new List<string>();
        foreach (string b in body.Boroughs ?? [])
        {
            boroughs.Add(BoroughMap.London.Find(b)?.Code ?? string.Empty);
            if (boroughs[^1].Length == 0)
            {
                return ApiProblems.Invalid("boroughs", $"'{b}' is not a London borough");
            }
        }

        var offences = new List<IndexOffence>();
        foreach (string o in body.EligibleOffences ?? [])
        {
            if (!ApiValues.TryEnum<IndexOffence>(o, out var offence))
            {
                return ApiValues.NotOneOf<IndexOffence>("eligibleOffences", o);
            }

            offences.Add(offence);
        }

        RiskTier? tier = null;
        if (body.CorrelationMinimumTier is not null)
        {
            if (!ApiValues.TryEnum<RiskTier>(body.CorrelationMinimumTier, out var parsed))
            {
                return ApiValues.NotOneOf<RiskTier>("correlationMinimumTier", body.CorrelationMinimumTier);
            }

            tier = parsed;
        }

        LocalDate? start = null;
        if (body.Start is not null)
        {
            if (!Core.Offenders.RecordDate.TryParse(body.Start, out var date, out var error))
            {
                return ApiProblems.Invalid("start", error!);
            }

            start = date;
        }

        var updated = scheme with
        {
            Name = body.Name ?? scheme.Name,
            Capacity = body.Capacity ?? scheme.Capacity,
            BoroughCodes = boroughs.Count > 0 ? boroughs : scheme.BoroughCodes,
            StartDate = start ?? scheme.StartDate,
            LengthMonths = body.LengthMonths ?? scheme.LengthMonths,
            MaxMonitoringMonths = body.MaxMonitoringMonths ?? scheme.MaxMonitoringMonths,
            EligibleOffences = offences.Count > 0 ? offences : scheme.EligibleOffences,
            CorrelationMinimumTier = tier ?? scheme.CorrelationMinimumTier,
        };
        var problems = updated.Validate();
        if (problems.Count > 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["scheme"] = [.. problems] }, title: "The scheme's settings would not be coherent");
        }

        await services.OffenderStore.SaveSchemeAsync(updated, http.RequestAborted);
        await http.AuditAsync(actor, AuditActions.ChangeSettings, "scheme", null,
            $"scheme: capacity {updated.Capacity}; boroughs [{string.Join(",", updated.BoroughCodes)}]; {ApiValues.Date(updated.StartDate)}–{ApiValues.Date(updated.EndDate)}; correlation from {updated.CorrelationMinimumTier}");
        return Results.Ok(Json(updated));
    }

    private static object Json(SchemeSettings s) => new
    {
        name = s.Name, boroughs = s.BoroughCodes, capacity = s.Capacity, start = ApiValues.Date(s.StartDate), end = ApiValues.Date(s.EndDate), length_months = s.LengthMonths,
        max_monitoring_months = s.MaxMonitoringMonths, eligible_offences = s.EligibleOffences.Select(o => o.ToString()),
        correlation_minimum_tier = s.CorrelationMinimumTier.ToString(),
    };
}
