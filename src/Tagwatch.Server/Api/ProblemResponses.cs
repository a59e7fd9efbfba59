using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Tagwatch.Server.Api;

/// <summary>
/// Declares in the OpenAPI document the error answers every API endpoint can give, each a ProblemDetails body (the
/// exception handler, the status-code pages and <see cref="UseCaseAnswers"/> all answer so). Worked out from what the
/// endpoint is: a request can always be malformed (400) or fail (500); an endpoint behind sign-in answers 401 and 403;
/// one whose route names a record answers 404 when there is none; a change can conflict with the record's state (409) or
/// be refused by a rule (422). What an endpoint declares itself is kept.
/// </summary>
internal static class ProblemResponses
{
    private static readonly string[] ProblemJson = ["application/problem+json"];

    public static TBuilder WithProblemResponses<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(Declare);
        return builder;
    }

    private static void Declare(EndpointBuilder endpoint)
    {
        var metadata = endpoint.Metadata;
        var declared = metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
        void Add(int status, Type body)
        {
            if (declared.Add(status))
            {
                metadata.Add(new ProducesResponseTypeMetadata(status, body, ProblemJson));
            }
        }

        Add(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
        bool signedIn = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        if (signedIn)
        {
            Add(StatusCodes.Status401Unauthorized, typeof(ProblemDetails));
            Add(StatusCodes.Status403Forbidden, typeof(ProblemDetails));
        }

        if (endpoint is RouteEndpointBuilder { RoutePattern.Parameters.Count: > 0 })
        {
            Add(StatusCodes.Status404NotFound, typeof(ProblemDetails));
        }

        bool changes = metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m));
        if (changes)
        {
            Add(StatusCodes.Status409Conflict, typeof(ProblemDetails));
            Add(StatusCodes.Status422UnprocessableEntity, typeof(ProblemDetails));
        }

        Add(StatusCodes.Status500InternalServerError, typeof(ProblemDetails));
    }
}
