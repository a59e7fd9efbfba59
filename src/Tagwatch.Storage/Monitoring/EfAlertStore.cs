using Microsoft.EntityFrameworkCore;
using NodaTime;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Identity;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage.Monitoring;

/// <summary>Alerts and their trails on the relational store; every change writes its trail entry in the same transaction.</summary>
public sealed class EfAlertStore(IRelationalDatabase database) : IAlertStore
{
    /// <inheritdoc />
    public async Task<Alert> RaiseAsync(Alert alert, string note, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = new AlertRow
        {
            Type = alert.Type.Name,
            Severity = alert.Severity.ToString(),
            State = alert.State.ToString(),
            DeviceId = alert.Tag.Value,
            OffenderId = alert.Offender?.Value,
            ConditionId = alert.ConditionId,
            StartUnixMs = alert.Start.ToUnixTimeMilliseconds(),
            EndUnixMs = alert.End?.ToUnixTimeMilliseconds(),
            RaisedUnixMs = alert.Raised.ToUnixTimeMilliseconds(),
            Summary = alert.Summary,
            Evidence = alert.EvidenceJson,
            Repeats = alert.Repeats,
        };
        context.Alerts.Add(row);
        await context.SaveChangesAsync(cancellationToken);
        context.AlertHistory.Add(new AlertHistoryRow { AlertId = row.Id, AtUnixMs = row.RaisedUnixMs, Action = "raised", By = "system", Note = note });
        await context.SaveChangesAsync(cancellationToken);
        return ToAlert(row);
    }

    /// <inheritdoc />
    public async Task UpdateAsync(Alert alert, AlertHistoryEntry entry, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.Alerts.SingleOrDefaultAsync(a => a.Id == alert.Id, cancellationToken) ?? throw new KeyNotFoundException($"There is no alert {alert.Id}.");
        if (row.Version != alert.Version)
        {
            throw ChangedMeanwhile(alert.Id);
        }

        // The UPDATE only applies while the row is still at the version read: a change committed in between refuses it.
        context.Entry(row).Property(a => a.Version).OriginalValue = alert.Version;
        row.Version = alert.Version + 1;
        row.State = alert.State.ToString();
        row.StartUnixMs = alert.Start.ToUnixTimeMilliseconds();
        row.EndUnixMs = alert.End?.ToUnixTimeMilliseconds();
        row.Summary = alert.Summary;
        row.Evidence = alert.EvidenceJson;
        row.Repeats = alert.Repeats;
        context.AlertHistory.Add(new AlertHistoryRow { AlertId = row.Id, AtUnixMs = entry.At.ToUnixTimeMilliseconds(), Action = entry.Action, By = entry.By, Note = entry.Note });
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw ChangedMeanwhile(alert.Id, ex);
        }
    }

    private static NotAllowedNowException ChangedMeanwhile(long id, Exception? inner = null) =>
        inner is null ? new(ChangedMeanwhileMessage(id)) : new(ChangedMeanwhileMessage(id), inner);

    private static string ChangedMeanwhileMessage(long id) => $"Alert {id} was changed by someone else meanwhile; reload it and try again.";

    /// <inheritdoc />
    public async Task<Alert?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return row is null ? null : ToAlert(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Alert>> ForConditionAsync(long conditionId, Instant since, CancellationToken cancellationToken = default)
    {
        long sinceMs = since.ToUnixTimeMilliseconds();
        string withdrawn = AlertState.Withdrawn.ToString();
        await using var context = database.CreateContext();
        var rows = await context.Alerts.AsNoTracking()
            .Where(a => a.ConditionId == conditionId && a.State != withdrawn && (a.StartUnixMs >= sinceMs || a.EndUnixMs == null || a.EndUnixMs >= sinceMs))
            .OrderBy(a => a.StartUnixMs)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToAlert)];
    }

    /// <inheritdoc />
    public async Task<Alert?> OngoingAsync(TagId tag, AlertKind type, CancellationToken cancellationToken = default)
    {
        string open = AlertState.Open.ToString(), acknowledged = AlertState.Acknowledged.ToString(), name = type.Name;
        await using var context = database.CreateContext();
        var row = await context.Alerts.AsNoTracking()
            .Where(a => a.DeviceId == tag.Value && a.Type == name && a.EndUnixMs == null && (a.State == open || a.State == acknowledged))
            .OrderByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToAlert(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Alert>> ListAsync(AlertQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new AlertQuery();
        await using var context = database.CreateContext();
        var rows = context.Alerts.AsNoTracking();
        if (query.States is { Count: > 0 } states)
        {
            var names = states.Select(s => s.ToString()).ToList();
            rows = rows.Where(a => names.Contains(a.State));
        }

        if (query.Kinds is { Count: > 0 } kinds)
        {
            var names = kinds.Select(k => k.Name).ToList();
            rows = rows.Where(a => names.Contains(a.Type));
        }

        if (query.Severities is { Count: > 0 } severities)
        {
            var names = severities.Select(s => s.ToString()).ToList();
            rows = rows.Where(a => names.Contains(a.Severity));
        }

        if (query.Wearers is { } wearers)
        {
            var ids = wearers.Select(w => (Guid?)w.Value).ToList();
            rows = rows.Where(a => ids.Contains(a.OffenderId));
        }

        var found = await rows.OrderByDescending(a => a.Id).Take(query.Limit).ToListAsync(cancellationToken);
        return [.. found.Select(ToAlert)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AlertHistoryEntry>> HistoryAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.AlertHistory.AsNoTracking().Where(h => h.AlertId == id).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(h => new AlertHistoryEntry(Instant.FromUnixTimeMilliseconds(h.AtUnixMs), h.Action, h.By, h.Note))];
    }

    private static Alert ToAlert(AlertRow row) => new(
        row.Id,
        AlertKind.Parse(row.Type),
        Enum.Parse<AlertSeverity>(row.Severity),
        Enum.Parse<AlertState>(row.State),
        TagId.Parse(row.DeviceId),
        row.OffenderId is { } o ? new OffenderId(o) : null,
        row.ConditionId,
        Instant.FromUnixTimeMilliseconds(row.StartUnixMs),
        row.EndUnixMs is { } e ? Instant.FromUnixTimeMilliseconds(e) : null,
        Instant.FromUnixTimeMilliseconds(row.RaisedUnixMs),
        row.Summary,
        row.Evidence,
        row.Repeats)
    {
        Version = row.Version,
    };
}
