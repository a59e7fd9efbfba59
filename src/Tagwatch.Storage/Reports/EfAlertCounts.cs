using Microsoft.EntityFrameworkCore;
using NodaTime;
using Tagwatch.Application.Reports;
using Tagwatch.Core.Alerts;

namespace Tagwatch.Storage.Reports;

/// <summary>Alert figures grouped and counted in the database: no alert row is loaded.</summary>
public sealed class EfAlertCounts(TagwatchDatabase database) : IAlertCounts
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AlertTally>> CountByKindAndStateAsync(Instant? raisedFrom, Instant? raisedBefore, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = context.Alerts.AsNoTracking();
        if (raisedFrom is { } from)
        {
            long fromMs = from.ToUnixTimeMilliseconds();
            rows = rows.Where(a => a.RaisedUnixMs >= fromMs);
        }

        if (raisedBefore is { } before)
        {
            long beforeMs = before.ToUnixTimeMilliseconds();
            rows = rows.Where(a => a.RaisedUnixMs < beforeMs);
        }

        var groups = await rows
            .GroupBy(a => new { a.Type, a.State })
            .Select(g => new { g.Key.Type, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. groups.Select(g => new AlertTally(AlertKind.Parse(g.Type), Enum.Parse<AlertState>(g.State), g.Count))];
    }
}
