using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Tagwatch.Server.Api;

/// <summary>
/// Request bodies are read strictly: a member the request does not have (a misspelt <c>"caseloda"</c>) is refused
/// rather than ignored, because an ignored field silently changes what the request means (a caseload replaced by
/// nothing). A body that cannot be read answers 400 naming the member at fault, as every other invalid field does.
/// </summary>
internal sealed class JsonBodyProblems(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>Sets the API's JSON options to refuse unknown members, and has unreadable bodies thrown to this handler.</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.Configure<JsonOptions>(o => o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<JsonBodyProblems>();
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException { InnerException: JsonException json })
        {
            return false;
        }

        string field = Field(json.Path);
        string message = json.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "is not a field of this request (check its spelling)"
            : AllowedValues(json.Message, json.Path) is { } values
                ? $"is not one of {string.Join(", ", values)}"
                : "has a value of the wrong type or the body is not valid JSON";
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is invalid",
                Detail = $"{field}: {message}",
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } },
            },
        });
    }

    /// <summary>
    /// The allowed values, as the API writes them, when the member that could not be read is one of the product's
    /// enumerations. The reader names the type it was converting (the request's, or the enumeration's) and the path of
    /// the member; the member's type is found from them.
    /// </summary>
    private static IReadOnlyList<string>? AllowedValues(string message, string? path)
    {
        const string marker = "could not be converted to ";
        int at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var type = Lookup(message[(at + marker.Length)..].Split(' ')[0].TrimEnd('.'));
        foreach (string member in (path ?? "$").Split('.').Skip(1))
        {
            if (type is null || type.IsEnum)
            {
                break;
            }

            type = type.GetProperties().FirstOrDefault(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == member.Split('[')[0])?.PropertyType;
            type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
            if (member.Contains('[', StringComparison.Ordinal))
            {
                // "index_offences[1]": the element of the list is what could not be read.
                type = type?.IsArray == true ? type.GetElementType() : type?.GetGenericArguments().FirstOrDefault();
            }
        }

        return type is { IsEnum: true } ? [.. Enum.GetNames(type).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName)] : null;
    }

    private static Type? Lookup(string name)
    {
        const string nullable = "System.Nullable`1[";
        name = name.StartsWith(nullable, StringComparison.Ordinal) ? name[nullable.Length..].TrimEnd(']') : name;
        return typeof(JsonBodyProblems).Assembly.GetType(name) ?? typeof(Core.Access.Role).Assembly.GetType(name);
    }

    // "$.caseloda" → "caseloda"; "$.area.radius" → "area.radius"; the body itself when there is no member.
    private static string Field(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
