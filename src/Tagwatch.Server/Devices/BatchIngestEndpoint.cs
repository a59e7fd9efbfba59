using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Tags;
using Tagwatch.Protocols.Devices.Batch;

namespace Tagwatch.Server.Devices;

/// <summary><c>POST /api/v1/ingest/batch</c>: many fixes (and device events) for one or more devices per request, for
/// vendor gateways and phones that buffer. Authenticated by a device or gateway credential; idempotent on retry.</summary>
/// <remarks>
/// The body's format and its rules are <see cref="BatchUploadReader"/>'s; this translates HTTP in and out. A bad item
/// is reported by index and field and the rest are stored. The answer comes after the commit, so every accepted item
/// is durable; sending the same request again stores nothing twice.
/// </remarks>
public static class BatchIngestEndpoint
{
    /// <summary>Where it is served.</summary>
    public const string Path = "/api/v1/ingest/batch";

    /// <summary>Handles one upload.</summary>
    public static async Task<IResult> HandleAsync(HttpContext http, IngestPipeline pipeline, IDeviceCredentialStore credentials, ServerOptions options, TimeProvider clock)
    {
        string? header = http.Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.Ordinal)
            || await credentials.VerifyAsync(header["Bearer ".Length..].Trim(), http.RequestAborted) is not { } credential)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A device or gateway credential is required", detail: "Send 'Authorization: Bearer <credential>'.");
        }

        // Kestrel enforces the limit on the body as it streams in, chunked or not, and answers 413 beyond it.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxBatchBodyBytes;
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException ex)
        {
            return Results.Problem(statusCode: ex.StatusCode, title: ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? $"The body is larger than {options.MaxBatchBodyBytes} bytes" : "The request body could not be read", detail: ex.Message);
        }

        var received = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var upload = BatchUploadReader.Read(body, device => credential.Covers(device) ? null : $"the credential '{credential.Name}' may not upload for device {device}");
        if (upload.Problem is { } problem)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: problem, detail: upload.ProblemDetail);
        }

        var proof = DeviceProof.Of(credential);
        var messages = upload.Devices.Select(d => new IngestMessage(d.Message, received, d.Raw, http.Connection.RemoteIpAddress?.ToString(), http.Connection.LocalPort, proof)).ToList();
        var outcomes = await pipeline.SubmitManyAsync(messages, http.RequestAborted);
        if (outcomes.Any(o => o.Status == IngestStatus.Failed))
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The store could not commit the upload; send it again");
        }

        var rejected = upload.Rejected.ToList();
        var refused = new List<string>();
        long accepted = 0;
        for (int i = 0; i < messages.Count; i++)
        {
            if (outcomes[i].IsStored)
            {
                accepted += outcomes[i].Positions - outcomes[i].Rejected.Count + messages[i].Message.Alarms.Count;
                rejected.AddRange(outcomes[i].Rejected.Select(r => new BatchItemError(null, messages[i].Message.DeviceId, "time", r)));
            }
            else
            {
                refused.Add(messages[i].Message.DeviceId!);
            }
        }

        return Results.Ok(new BatchIngestResponse(upload.Items, accepted, rejected, refused));
    }

    /// <summary>The answer to an upload.</summary>
    /// <param name="Received">Items in the request.</param>
    /// <param name="Accepted">Items now durably stored (including ones stored by an earlier attempt).</param>
    /// <param name="Rejected">Items refused, by index and field.</param>
    /// <param name="RefusedDevices">Devices not registered: none of their items were stored.</param>
    public sealed record BatchIngestResponse(int Received, long Accepted, IReadOnlyList<BatchItemError> Rejected, IReadOnlyList<string> RefusedDevices);
}
