using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Correlation.Scored;

namespace Tagwatch.Application.Correlation;

/// <summary>A manual scored correlation run over every current crime: recorded as a run, its matches stored, and the
/// run recorded in the audit log (who was near which crime is a read of location data).</summary>
public sealed class RunCorrelation(ScoredCorrelation correlation, IAuditLog audit)
{
    public async Task<UseCaseResult<ScoredCorrelation.Outcome>> ExecuteAsync(Actor actor, RunCorrelationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.RunCorrelation))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.RunCorrelation)}.");
        }

        var parameters = new ScoringParameters();
        parameters = parameters with
        {
            BufferMetres = request.BufferMetres ?? parameters.BufferMetres,
            Pad = request.Pad ?? parameters.Pad,
            SignificanceThreshold = request.SignificanceThreshold ?? parameters.SignificanceThreshold,
        };
        if (CorrelationParameters.Refusal(parameters.Validate) is { } invalid)
        {
            return invalid;
        }

        var outcome = await correlation.RunAsync(parameters, request.AllTags, "manual", actor.Username, cancellationToken: cancellationToken);
        var run = outcome.Run;
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.RunCorrelation, "correlation", run.Id.ToString(),
            $"manual run: {run.Crimes} crimes × {run.Subjects} people → {run.Matches} matches"), cancellationToken);
        return outcome;
    }
}
