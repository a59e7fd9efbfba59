using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Server.Api.Crimes;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>"Who was within R m of this place between t1 and t2": the purpose is required and recorded; police keep to
/// their limits and boroughs, probation see only their caseload in the answer (<see cref="SearchNear"/>'s rules).</summary>
internal static class NearApi
{
    public sealed record NearRequest(double Latitude, double Longitude, double Radius, string From, string To, string Purpose);

    public static void MapNearApi(this IEndpointRouteBuilder api) =>
        api.MapPost("/near", SearchAsync).WithTags("Searches").RequireAuthorization(nameof(Permission.SearchNear)).WithName("SearchNear");

    private static async Task<Results<Ok<NearSearchResponse>, ProblemHttpResult>> SearchAsync(NearRequest body, HttpContext http, SearchNear search)
    {
        var actor = await http.RequiredActorAsync();
        if (!ApiValues.TryInstant(body.From, out var from) || !ApiValues.TryInstant(body.To, out var to))
        {
            return UseCaseAnswers.Problem(UseCaseFailure.Invalid(ApiValues.TryInstant(body.From, out _) ? "to" : "from", "an ISO-8601 UTC instant (2019-03-01T12:00:00Z)"));
        }

        var result = await search.ExecuteAsync(actor, new SearchNearRequest(body.Latitude, body.Longitude, body.Radius, from, to, body.Purpose), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(NearSearchResponse.From(result.Value)) : UseCaseAnswers.Problem(result.Failure);
    }
}
