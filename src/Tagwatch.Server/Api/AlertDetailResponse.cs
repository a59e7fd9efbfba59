using System.Text.Json;
using NodaTime;
using Tagwatch.Application.Monitoring;

namespace Tagwatch.Server.Api;

/// <summary>One alert with its evidence and its trail.</summary>
/// <param name="Alert">The alert.</param>
/// <param name="Evidence">The evidence fixes or device event, as the monitor recorded them.</param>
/// <param name="History">Its trail, oldest step first.</param>
internal sealed record AlertDetailResponse(AlertResponse Alert, JsonElement Evidence, IReadOnlyList<AlertHistoryResponse> History)
{
    public static AlertDetailResponse Of(AlertDetail detail)
    {
        using var evidence = JsonDocument.Parse(detail.Alert.EvidenceJson);
        return new(AlertResponse.Of(detail.Alert, detail.Offender), evidence.RootElement.Clone(), [.. detail.History.Select(AlertHistoryResponse.Of)]);
    }
}

/// <summary>One step of an alert's trail.</summary>
/// <param name="At">When.</param>
/// <param name="Action"><c>raised</c>, <c>amended</c>, <c>ended</c>, <c>repeated</c>, <c>acknowledged</c>, <c>resolved</c>, <c>withdrawn</c>.</param>
/// <param name="By">An operator's name, or <c>system</c>.</param>
/// <param name="Note">What changed, or the operator's note.</param>
internal sealed record AlertHistoryResponse(Instant At, string Action, string By, string Note)
{
    public static AlertHistoryResponse Of(AlertHistoryEntry entry) => new(entry.At, entry.Action, entry.By, entry.Note);
}
