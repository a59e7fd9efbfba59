using Microsoft.AspNetCore.Http;

namespace Tagwatch.Server.Api;

/// <summary>The API's ProblemDetails answers, so every error names what is wrong and where.</summary>
internal static class ApiProblems
{
    /// <summary>400 with the offending field in <c>errors</c>.</summary>
    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is invalid", detail: $"{field}: {message}");

    /// <summary>403: the role may use the endpoint but its scope does not cover this subject.</summary>
    public static IResult OutOfScope(string what) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Outside your scope", detail: what);

    /// <summary>404 naming what was not found.</summary>
    public static IResult NotFound(string what) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: what);

    /// <summary>409: the step is not allowed in the current state.</summary>
    public static IResult Conflict(string why) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not allowed now", detail: why);
}
