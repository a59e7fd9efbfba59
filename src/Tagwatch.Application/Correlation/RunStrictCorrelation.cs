using System.Globalization;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Correlation.Strict;

namespace Tagwatch.Application.Correlation;

/// <summary>A strict correlation run: every current crime against every tag's fixes. Who was where for every crime is a
/// read of location data, so the run is recorded in the audit log before its pairs are returned.</summary>
public sealed class RunStrictCorrelation(StrictCorrelation correlation, IAuditLog audit)
{
    public async Task<UseCaseResult<IReadOnlyList<StrictMatch>>> ExecuteAsync(Actor actor, RunStrictCorrelationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.RunCorrelation))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.RunCorrelation)}.");
        }

        var parameters = new StrictParameters(request.RadiusMetres, request.Pad);
        if (CorrelationParameters.Refusal(parameters.Validate) is { } invalid)
        {
            return invalid;
        }

        var matches = await correlation.RunAsync(parameters, cancellationToken);
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.RunCorrelation, "correlation", "strict",
            string.Create(CultureInfo.InvariantCulture, $"strict run: radius {request.RadiusMetres} m, pad {Compact(request.Pad)} → {matches.Count} crime–tag pairs")),
            cancellationToken);
        return UseCaseResult<IReadOnlyList<StrictMatch>>.Ok(matches);
    }

    /// <summary>A duration as the console's options write it (90s, 10m, 2h, 1d).</summary>
    private static string Compact(NodaTime.Duration duration) =>
        duration.BclCompatibleTicks % NodaTime.NodaConstants.TicksPerDay == 0 && duration > NodaTime.Duration.Zero ? string.Create(CultureInfo.InvariantCulture, $"{duration.Days}d")
        : duration.BclCompatibleTicks % NodaTime.NodaConstants.TicksPerHour == 0 && duration > NodaTime.Duration.Zero ? string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalHours}h")
        : duration.BclCompatibleTicks % NodaTime.NodaConstants.TicksPerMinute == 0 && duration > NodaTime.Duration.Zero ? string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalMinutes}m")
        : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds}s");
}
