using NodaTime.Text;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Application.Scheme;

/// <summary>
/// Changes the scheme's settings, for administrators: the values given replace the current ones and the whole result
/// must be coherent (<see cref="SchemeSettings.Validate"/>), else nothing changes; audited with the settings that result,
/// which are returned as <see cref="ShowScheme"/> shows them.
/// </summary>
public sealed class ChangeScheme(IOffenderStore store, OffenderService offenders, BoroughMap boroughs, IAuditLog audit)
{
    public async Task<UseCaseResult<SchemeView>> ExecuteAsync(Actor actor, ChangeSchemeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (OffenderAccess.Lacks(actor, Permission.ManageScheme) is { } lacks)
        {
            return lacks;
        }

        var codes = new List<string>();
        foreach (string named in request.Boroughs ?? [])
        {
            if (boroughs.Find(named) is not { } borough)
            {
                return UseCaseFailure.Invalid("boroughs", $"'{named}' is not a London borough");
            }

            codes.Add(borough.Code);
        }

        if ((request.EligibleOffences ?? []).Where(o => !Enum.IsDefined(o)).Select(o => (IndexOffence?)o).FirstOrDefault() is { } unknown)
        {
            return UseCaseFailure.Invalid("eligible_offences", $"'{unknown}' is not one of {string.Join(", ", Enum.GetNames<IndexOffence>())}");
        }

        if (request.CorrelationMinimumTier is { } tier && !Enum.IsDefined(tier))
        {
            return UseCaseFailure.Invalid("correlation_minimum_tier", $"'{tier}' is not one of {string.Join(", ", Enum.GetNames<RiskTier>())}");
        }

        var scheme = await store.GetSchemeAsync(cancellationToken);
        var updated = scheme with
        {
            Name = request.Name ?? scheme.Name,
            Capacity = request.Capacity ?? scheme.Capacity,
            BoroughCodes = codes.Count > 0 ? codes : scheme.BoroughCodes,
            StartDate = request.Start ?? scheme.StartDate,
            LengthMonths = request.LengthMonths ?? scheme.LengthMonths,
            MaxMonitoringMonths = request.MaxMonitoringMonths ?? scheme.MaxMonitoringMonths,
            EligibleOffences = request.EligibleOffences is { Count: > 0 } offences ? offences : scheme.EligibleOffences,
            CorrelationMinimumTier = request.CorrelationMinimumTier ?? scheme.CorrelationMinimumTier,
        };
        var problems = updated.Validate();
        if (problems.Count > 0)
        {
            return UseCaseFailure.Invalid("scheme", $"the settings would not be coherent: {string.Join("; ", problems)}");
        }

        await store.SaveSchemeAsync(updated, cancellationToken);
        var date = LocalDatePattern.Iso;
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeSettings, "scheme", null,
            $"scheme: capacity {updated.Capacity}; boroughs [{string.Join(",", updated.BoroughCodes)}]; {date.Format(updated.StartDate)}–{date.Format(updated.EndDate)}; correlation from {updated.CorrelationMinimumTier}"),
            cancellationToken);
        var today = offenders.Today;
        return new SchemeView(updated, await store.CountMonitoredAsync(today, cancellationToken), today);
    }
}
