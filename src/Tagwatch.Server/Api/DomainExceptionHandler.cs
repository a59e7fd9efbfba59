using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Tagwatch.Server.Api;

/// <summary>The one mapping of domain exceptions to ProblemDetails: misuse 400, unknown 404, refused by the current state 409.</summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            KeyNotFoundException => (StatusCodes.Status404NotFound, "Not found"),
            ArgumentException or FormatException or Microsoft.AspNetCore.Http.BadHttpRequestException => (StatusCodes.Status400BadRequest, "The request is invalid"),
            // Only refusals by the current state; any other InvalidOperationException is a fault (500).
            Core.NotAllowedNowException => (StatusCodes.Status409Conflict, "Not allowed now"),
            _ => (0, ""),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = Core.UserMessages.Of(exception) },
        });
    }
}
