using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Protocols.Devices;
using Tagwatch.Protocols.Devices.OsmAnd;

namespace Tagwatch.Server.Devices;

/// <summary>The OsmAnd HTTP listener (Traccar Client and compatible trackers): GET/POST with parameters, or a JSON body.</summary>
/// <remarks>200 only once the fix is durable; an unknown device gets 400 (parameter form) or 404 (JSON form), as the
/// protocol's clients expect; a malformed request gets 400 with the reason in plain text. Every request must be vouched
/// for (<see cref="DeviceProofReader"/>): without a valid credential 401, with another device's credential or for a tag
/// registered for another protocol 403 — each refusal counted with its reason.</remarks>
public static class OsmAndEndpoint
{
    /// <summary>Handles one request on the OsmAnd port, whatever its path.</summary>
    public static async Task HandleAsync(HttpContext http, IngestPipeline pipeline, DeviceProofReader proofs, ServerOptions options, TimeProvider clock)
    {
        var request = http.Request;
        var received = Instant.FromDateTimeOffset(clock.GetUtcNow());
        if (request.Method is not ("GET" or "POST"))
        {
            await Reply(http, StatusCodes.Status405MethodNotAllowed, $"method {request.Method} is not accepted; use GET or POST");
            return;
        }

        // Kestrel enforces the limit on the body as it streams in, chunked or not.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxOsmAndBodyBytes;
        }

        bool json = request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        byte[] body;
        try
        {
            body = await ReadBodyAsync(request, http.RequestAborted);
        }
        catch (BadHttpRequestException ex)
        {
            await Reply(http, ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? $"body is larger than {options.MaxOsmAndBodyBytes} bytes" : ex.Message);
            return;
        }

        DecodeResult decoded;
        if (json)
        {
            decoded = OsmAndDecoder.DecodeJson(body, received);
        }
        else
        {
            var parameters = request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))).ToList();
            if (request.HasFormContentType && body.Length > 0)
            {
                var form = System.Web.HttpUtility.ParseQueryString(Encoding.UTF8.GetString(body));
                foreach (string? key in form.AllKeys)
                {
                    parameters.AddRange((form.GetValues(key) ?? []).Select(v => new KeyValuePair<string, string?>(key ?? "", v)));
                }
            }

            decoded = OsmAndDecoder.DecodeParameters(parameters, received);
        }

        if (!decoded.IsSuccess)
        {
            await Reply(http, StatusCodes.Status400BadRequest, decoded.Error!);
            return;
        }

        // The request is kept as evidence, but never a credential in its path.
        string path = DeviceProofReader.PathSecret(request.Path) is null ? request.Path.ToString() : "/(credential)";
        byte[] raw = [.. Encoding.UTF8.GetBytes($"{request.Method} {path}{request.QueryString}\n"), .. body];
        var proof = await proofs.ReadAsync(http);
        var result = await pipeline.SubmitAsync(
            new IngestMessage(decoded.Message!, received, raw, http.Connection.RemoteIpAddress?.ToString(), http.Connection.LocalPort, proof), http.RequestAborted);
        switch (result.Status)
        {
            case IngestStatus.Stored:
                await Reply(http, StatusCodes.Status200OK, "");
                break;
            case IngestStatus.UnknownDevice:
                await Reply(http, json ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, result.Reason!);
                break;
            case IngestStatus.Refused when result.Refusal == RefusalReason.NoCredential:
                http.Response.Headers.WWWAuthenticate = "Bearer";
                await Reply(http, StatusCodes.Status401Unauthorized, result.Reason!);
                break;
            case IngestStatus.Refused:
                await Reply(http, StatusCodes.Status403Forbidden, result.Reason!);
                break;
            case IngestStatus.NoDevice:
                await Reply(http, StatusCodes.Status400BadRequest, result.Reason!);
                break;
            default:
                await Reply(http, StatusCodes.Status503ServiceUnavailable, result.Reason ?? "not stored; retry");
                break;
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static Task Reply(HttpContext http, int status, string text)
    {
        http.Response.StatusCode = status;
        if (text.Length == 0)
        {
            return Task.CompletedTask;
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(text + "\n", http.RequestAborted);
    }
}
