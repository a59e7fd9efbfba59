using Microsoft.EntityFrameworkCore;
using NodaTime;
using Tagwatch.Application.Reports;
using Tagwatch.Core.Alerts;

namespace Tagwatch.Storage.Reports;

/// <summary>Alert figures grouped and counted in the database: no alert row is loaded.</summary>
public sealed class EfAlertCounts(IRelationalDatabase database) : IAlertCounts
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AlertTally>> CountByKindAndStateAsync(Instant? raisedFrom, Instant? raisedBefore, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = RaisedIn(context, raisedFrom, raisedBefore);
        var groups = await rows
            .GroupBy(a => new { a.Type, a.State })
            .Select(g => new { g.Key.Type, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. groups.Select(g => new AlertTally(AlertKind.Parse(g.Type), Enum.Parse<AlertState>(g.State), g.Count))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AlertResponse>> ResponsesAsync(Instant? raisedFrom, Instant? raisedBefore, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        // Three numbers an alert, read only for the alerts someone acted on: the first acknowledgement and resolution.
        var rows = await RaisedIn(context, raisedFrom, raisedBefore)
            .Select(a => new
            {
                a.Type,
                a.RaisedUnixMs,
                Acknowledged = context.AlertHistory.Where(h => h.AlertId == a.Id && h.Action == "acknowledged").Min(h => (long?)h.AtUnixMs),
                Resolved = context.AlertHistory.Where(h => h.AlertId == a.Id && h.Action == "resolved").Min(h => (long?)h.AtUnixMs),
            })
            .Where(r => r.Acknowledged != null || r.Resolved != null)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new AlertResponse(AlertKind.Parse(r.Type),
            r.Acknowledged is { } ack ? Duration.FromMilliseconds(ack - r.RaisedUnixMs) : null,
            r.Resolved is { } res ? Duration.FromMilliseconds(res - r.RaisedUnixMs) : null))];
    }

    private static IQueryable<Model.AlertRow> RaisedIn(TagwatchDbContext context, Instant? raisedFrom, Instant? raisedBefore)
    {
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

        return rows;
    }
}
