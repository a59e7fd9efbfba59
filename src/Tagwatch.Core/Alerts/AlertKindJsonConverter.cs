using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tagwatch.Core.Alerts;

/// <summary>Writes an <see cref="AlertKind"/> as its name and reads it back.</summary>
public sealed class AlertKindJsonConverter : JsonConverter<AlertKind>
{
    /// <inheritdoc />
    public override AlertKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        AlertKind.TryParse(reader.GetString(), out var kind) ? kind : throw new JsonException($"'{reader.GetString()}' is not an alert kind.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, AlertKind value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Name);
    }
}
