using System.Text.Json;
using Tagwatch.Application.Correlation;
using Tagwatch.Correlation.Scored;

namespace Tagwatch.Application.Matches;

/// <summary>The search buffer a match was found with: the one its run recorded, or the default for a run not recorded.</summary>
internal static class MatchSearchBuffer
{
    public static async Task<double> OfRunAsync(ICorrelationStore store, Guid runId, CancellationToken cancellationToken)
    {
        if (await store.RunParametersAsync(runId, cancellationToken) is { } parameters)
        {
            using var document = JsonDocument.Parse(parameters);
            if (document.RootElement.TryGetProperty(nameof(ScoringParameters.BufferMetres), out var stored) && stored.ValueKind == JsonValueKind.Number)
            {
                return stored.GetDouble();
            }
        }

        return new ScoringParameters().BufferMetres;
    }
}
