using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tagwatch.Application.UseCases;

namespace Tagwatch.Server.Api;

/// <summary>The API's translation of a use case's failure into a ProblemDetails answer, the same for every endpoint.</summary>
internal static class UseCaseAnswers
{
    /// <summary>400 (naming the field), 403, 404, 409 or 422, with the failure's message as the detail.</summary>
    public static ProblemHttpResult Problem(UseCaseFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Kind switch
        {
            FailureKind.Invalid => TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [failure.Field ?? "request"] = [failure.Message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is invalid",
                Detail = $"{failure.Field ?? "request"}: {failure.Message}",
            }),
            FailureKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: failure.Message),
            FailureKind.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Outside your scope", detail: failure.Message),
            FailureKind.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not allowed now", detail: failure.Message),
            FailureKind.Refused => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Refused", detail: failure.Message),
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Kind, "unknown failure kind"),
        };
    }
}
