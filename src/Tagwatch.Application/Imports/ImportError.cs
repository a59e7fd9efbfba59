using System.Text.Json.Serialization;

namespace Tagwatch.Application.Imports;

/// <summary>One error as it appears in the JSON summary.</summary>
public sealed record ImportError(
    [property: JsonPropertyName("row")] long Row,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("reason")] string Reason);
