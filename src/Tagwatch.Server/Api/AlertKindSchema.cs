using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Tagwatch.Core.Alerts;

namespace Tagwatch.Server.Api;

/// <summary>
/// An alert's kind is a class (each kind carries its severity and category), written as its name by its own JSON
/// converter; the OpenAPI document lists it as the enumeration of those names, as it lists every other domain concept.
/// </summary>
internal static class AlertKindSchema
{
    public static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(AlertKind))
        {
            schema.Type = JsonSchemaType.String;
            schema.Properties?.Clear();
            schema.Required?.Clear();
            schema.Enum = [.. AlertKind.All.Select(kind => (JsonNode)JsonValue.Create(kind.Name))];
            schema.Description = "The alert's kind: " + string.Join("; ", AlertKind.All.Select(k => $"{k.Name} ({k.DisplayName}, {k.Severity.ToString().ToLowerInvariant()})"));
        }

        return Task.CompletedTask;
    }
}
