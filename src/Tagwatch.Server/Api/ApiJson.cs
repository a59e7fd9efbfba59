using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Tagwatch.Server.Api;

/// <summary>The API's one JSON style: snake_case names, enumerations by their snake_case name, instants and dates in
/// ISO 8601 (NodaTime), numbers as numbers.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        json.DictionaryKeyPolicy = null;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        json.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return json;
    }
}
