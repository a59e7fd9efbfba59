using Tagwatch.Application.Audit;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Tags;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Maintenance;

/// <summary>How much the store holds — counts only, no one's data — for whoever runs the scheme or reports on it; audited.</summary>
public sealed class ReadStoreStatistics(IOffenderStore offenders, ITagDirectory tags, IFixStore fixes, ICrimeStore crimes, IAuditLog audit)
{
    public async Task<UseCaseResult<StoreStatistics>> ExecuteAsync(Actor actor, ReadStoreStatisticsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ManageScheme) && !AccessPolicy.Allows(actor.Role, Permission.ViewReports))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role has neither {nameof(Permission.ManageScheme)} nor {nameof(Permission.ViewReports)}.");
        }

        var statistics = new StoreStatistics(
            (await offenders.ListAsync(cancellationToken)).Count,
            (await tags.ListAsync(cancellationToken)).Count,
            await fixes.StatisticsAsync(cancellationToken),
            (await crimes.CurrentAsync(NodaTime.Instant.MinValue, NodaTime.Instant.MaxValue, cancellationToken)).Count,
            (await crimes.AreaCrimeCountsAsync(cancellationToken)).Sum(a => a.Count));
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ViewStatistics, "scheme", null,
            $"database statistics: {statistics.Offenders} people, {statistics.Tags} tags, {statistics.Fixes.Fixes} fixes, {statistics.Crimes} crimes"), cancellationToken);
        return statistics;
    }
}

/// <summary>The store's statistics.</summary>
public sealed record ReadStoreStatisticsRequest;
