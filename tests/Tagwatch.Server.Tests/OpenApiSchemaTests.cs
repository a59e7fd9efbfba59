using System.Text.Json;

namespace Tagwatch.Server.Tests;

/// <summary>
/// The OpenAPI document describes every answer, so a typed client can be generated from it: each operation's success
/// response has a body schema (except the answers listed in <see cref="NoJsonBody"/>), the fields holding a domain
/// concept list their allowed values, and errors are ProblemDetails.
/// </summary>
public sealed class OpenApiSchemaTests
{
    /// <summary>Operations whose success answer is deliberately not a JSON body, by operationId, with what they send.</summary>
    private static readonly Dictionary<string, string> NoJsonBody = new()
    {
        ["StreamAlerts"] = "server-sent events (text/event-stream)",
        ["GetDisclosurePack"] = "the disclosure pack as application/pdf",
        ["ExportAudit"] = "audit records as JSON lines for download",
        ["SignOut"] = "no content",
        ["SignInWithProvider"] = "a redirect to the identity provider",
    };

    /// <summary>Media types that are files, not JSON: an operation answering one of them needs no schema.</summary>
    private static readonly string[] FileMediaTypes = ["application/pdf", "text/csv", "application/octet-stream", "text/event-stream", "application/x-ndjson", "application/gpx+xml", "application/geo+json"];

    /// <summary>Property names that hold a domain concept with a closed set of values (alert kind and type, severity and state,
    /// match state, police outcome, condition kind, risk tier, role).</summary>
    private static readonly string[] EnumeratedProperties = ["kind", "type", "severity", "state", "outcome", "risk_tier", "role"];

    /// <summary>Fields named like a domain concept that are deliberately text, by schema and property, with why.</summary>
    private static readonly Dictionary<string, string> RecordedText = new()
    {
        // An audit record is read as it was recorded and hashed (docs/audit.md): the role an actor acted in then, or
        // "System" for the server's own work, which no later change to the roles may make unreadable.
        ["AuditRecordResponse.role"] = "the role as recorded in the hash-chained audit log",
        ["ProblemDetails.type"] = "a URI reference naming the problem type (RFC 9457)",
        ["HttpValidationProblemDetails.type"] = "a URI reference naming the problem type (RFC 9457)",
    };

    [Fact]
    public async Task EveryOperation_DeclaresItsSuccessResponseWithABodySchema()
    {
        using var document = await DocumentAsync();
        var missing = new List<string>();
        foreach (var (name, operation) in Operations(document))
        {
            string id = OperationId(operation, name);
            if (NoJsonBody.ContainsKey(id))
            {
                continue;
            }

            var success = Responses(operation).Where(r => r.Name.StartsWith('2')).ToList();
            if (success.Count == 0)
            {
                missing.Add($"{id} ({name}): no 2xx response declared");
                continue;
            }

            foreach (var response in success.Where(r => r.Name != "204"))
            {
                if (!HasBodySchema(response.Value))
                {
                    missing.Add($"{id} ({name}): {response.Name} has no content schema");
                }
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} operations lack a success schema:\n  {string.Join("\n  ", missing)}");
    }

    [Fact]
    public async Task DomainConceptFields_AreEnumerationsWithTheirValues()
    {
        using var document = await DocumentAsync();
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var seen = EnumeratedProperties.ToDictionary(p => p, _ => 0);
        var notEnumerated = new List<string>();
        foreach (var schema in schemas.EnumerateObject())
        {
            if (!schema.Value.TryGetProperty("properties", out var properties))
            {
                continue;
            }

            foreach (var property in properties.EnumerateObject().Where(p => EnumeratedProperties.Contains(p.Name)))
            {
                if (RecordedText.ContainsKey($"{schema.Name}.{property.Name}"))
                {
                    continue;
                }

                seen[property.Name]++;
                if (EnumValues(document, property.Value) is not { Count: > 0 })
                {
                    notEnumerated.Add($"{schema.Name}.{property.Name}: {property.Value.GetRawText()}");
                }
            }
        }

        var absent = seen.Where(s => s.Value == 0).Select(s => s.Key).ToList();
        Assert.True(
            notEnumerated.Count == 0 && absent.Count == 0,
            $"not enumerations:\n  {string.Join("\n  ", notEnumerated)}\nnever in a described response: {string.Join(", ", absent)}");
    }

    [Fact]
    public async Task EveryOperation_DeclaresItsErrorResponsesAsProblemDetails()
    {
        using var document = await DocumentAsync();
        var wrong = new List<string>();
        foreach (var (name, operation) in Operations(document))
        {
            string id = OperationId(operation, name);
            var errors = Responses(operation).Where(r => r.Name[0] is '4' or '5').ToList();
            if (errors.Count == 0)
            {
                wrong.Add($"{id} ({name}): no error response declared");
            }

            wrong.AddRange(errors
                .Where(r => !r.Value.GetRawText().Contains("ProblemDetails", StringComparison.Ordinal))
                .Select(r => $"{id} ({name}): {r.Name} is not ProblemDetails"));
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} error answers undescribed:\n  {string.Join("\n  ", wrong)}");
    }

    private static async Task<JsonDocument> DocumentAsync()
    {
        await using var server = await RunningServer.StartAsync();
        return JsonDocument.Parse(await server.Api.GetStringAsync("/openapi/v1.json"));
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonDocument document) =>
        from path in document.RootElement.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where method.Name is "get" or "post" or "put" or "delete" or "patch"
        select ($"{method.Name.ToUpperInvariant()} {path.Name}", method.Value);

    private static string OperationId(JsonElement operation, string name) =>
        operation.TryGetProperty("operationId", out var id) ? id.GetString()! : name;

    private static IEnumerable<JsonProperty> Responses(JsonElement operation) =>
        operation.TryGetProperty("responses", out var responses) ? responses.EnumerateObject() : [];

    private static bool HasBodySchema(JsonElement response)
    {
        if (!response.TryGetProperty("content", out var content))
        {
            return false;
        }

        return content.EnumerateObject().Any(media =>
            FileMediaTypes.Contains(media.Name)
            || (media.Value.TryGetProperty("schema", out var schema) && schema.EnumerateObject().Any()));
    }

    /// <summary>The allowed values of a schema, through references and nullable unions; null when it is no enumeration.</summary>
    private static List<string>? EnumValues(JsonDocument document, JsonElement schema)
    {
        if (schema.TryGetProperty("enum", out var values))
        {
            return [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            string name = reference.GetString()!.Split('/')[^1];
            return document.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty(name, out var target)
                ? EnumValues(document, target)
                : null;
        }

        foreach (string union in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(union, out var parts))
            {
                var found = parts.EnumerateArray().Select(p => EnumValues(document, p)).FirstOrDefault(v => v is { Count: > 0 });
                if (found is not null)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
