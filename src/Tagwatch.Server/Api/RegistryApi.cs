using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Tagwatch.Application.Scheme;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Offenders;
using Tagwatch.Server.Api.Offenders;
using Tagwatch.Server.Api.Tags;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>The device registry and the scheme's settings (the <see cref="ShowScheme"/> and <see cref="ChangeScheme"/> use cases), for administrators: no personal data, no positions.</summary>
internal static class RegistryApi
{
    public sealed record SchemeChange(string? Name, int? Capacity, string[]? Boroughs, string? Start, int? LengthMonths, int? MaxMonitoringMonths, IndexOffence[]? EligibleOffences, RiskTier? CorrelationMinimumTier);

    public static void MapRegistryApi(this IEndpointRouteBuilder api)
    {
        api.MapTagsApi();
        api.MapGet("/scheme", ShowSchemeAsync).WithTags("Registry").RequireAuthorization(nameof(Permission.ManageScheme)).WithName("GetScheme");
        api.MapPut("/scheme", ChangeSchemeAsync).WithTags("Registry").RequireAuthorization(nameof(Permission.ManageScheme)).WithName("ChangeScheme")
            .WithDescription("Changes the fields given (others keep their values); the whole result must be coherent.");
    }

    private static async Task<Results<Ok<SchemeResponse>, ProblemHttpResult>> ShowSchemeAsync(HttpContext http, ShowScheme show)
    {
        var actor = await http.RequiredActorAsync();
        var result = await show.ExecuteAsync(actor, new ShowSchemeRequest(), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(SchemeResponse.From(result.Value)) : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Ok<SchemeResponse>, ProblemHttpResult>> ChangeSchemeAsync(SchemeChange body, HttpContext http, ChangeScheme change)
    {
        var actor = await http.RequiredActorAsync();
        LocalDate? start = null;
        if (body.Start is not null)
        {
            if (!RecordDate.TryParse(body.Start, out var date, out var error))
            {
                return UseCaseAnswers.Problem(UseCaseFailure.Invalid("start", error!));
            }

            start = date;
        }

        var result = await change.ExecuteAsync(actor, new ChangeSchemeRequest(
            body.Name, body.Capacity, body.Boroughs, start, body.LengthMonths, body.MaxMonitoringMonths, body.EligibleOffences, body.CorrelationMinimumTier), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(SchemeResponse.From(result.Value)) : UseCaseAnswers.Problem(result.Failure);
    }
}
