using Microsoft.EntityFrameworkCore;
using Tagwatch.Application.Reports;
using Tagwatch.Core.Alerts;

namespace Tagwatch.Storage.Reports;

/// <summary>Alert figures grouped and counted in the database: no alert row is loaded.</summary>
public sealed class EfAlertCounts(TagwatchDatabase database) : IAlertCounts
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AlertTally>> CountByKindAndStateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var groups = await context.Alerts.AsNoTracking()
            .GroupBy(a => new { a.Type, a.State })
            .Select(g => new { g.Key.Type, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. groups.Select(g => new AlertTally(AlertKind.Parse(g.Type), Enum.Parse<AlertState>(g.State), g.Count))];
    }
}
