using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Identity;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage.Monitoring;

/// <summary>Licence conditions on the relational store.</summary>
public sealed class EfConditionStore(IRelationalDatabase database, TimeProvider clock) : IConditionStore
{
    private static readonly JsonSerializerOptions RulesJson = new() { Converters = { new DurationSecondsConverter() } };

    /// <inheritdoc />
    public async Task<LicenceCondition> AddAsync(LicenceCondition condition, double bufferMetres, string createdBy, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        if (!await context.Offenders.AnyAsync(o => o.Id == condition.Offender.Value, cancellationToken))
        {
            throw new KeyNotFoundException("The person is not enrolled.");
        }

        long? startsMs = condition.AppliesFrom == Instant.MinValue ? null : condition.AppliesFrom.ToUnixTimeMilliseconds();
        var row = NewRow(condition, bufferMetres, createdBy, clock.GetUtcNow().ToUnixTimeMilliseconds(), startsMs);
        context.Conditions.Add(row);
        await context.SaveChangesAsync(cancellationToken);
        return ToCondition(row);
    }

    /// <inheritdoc />
    public async Task<LicenceCondition?> ReplaceAsync(long id, LicenceCondition replacement, double bufferMetres, string by, CancellationToken cancellationToken = default)
    {
        long now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);

        // Ended only if still in force: of two writers changing it at once, one finds it ended and gets null.
        int ended = await context.Conditions.Where(c => c.Id == id && c.EndedUnixMs == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.EndedUnixMs, now).SetProperty(c => c.EndedBy, by), cancellationToken);
        if (ended == 0)
        {
            return null;
        }

        var row = NewRow(replacement, bufferMetres, by, now, now);
        context.Conditions.Add(row);
        await context.SaveChangesAsync(cancellationToken);
        var carried = await context.ConditionSuspensions.AsNoTracking().Where(s => s.ConditionId == id && s.ToUnixMs > now).ToListAsync(cancellationToken);
        context.ConditionSuspensions.AddRange(carried.Select(s => new ConditionSuspensionRow { ConditionId = row.Id, FromUnixMs = s.FromUnixMs, ToUnixMs = s.ToUnixMs, Reason = s.Reason, By = s.By }));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToCondition(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LicenceCondition>> ActiveAsync(OffenderId? offender = null, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var query = context.Conditions.AsNoTracking().Where(c => c.EndedUnixMs == null);
        if (offender is { } o)
        {
            query = query.Where(c => c.OffenderId == o.Value);
        }

        return [.. (await query.OrderBy(c => c.Id).ToListAsync(cancellationToken)).Select(ToCondition)];
    }

    /// <inheritdoc />
    public async Task<LicenceCondition?> FindInForceAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.Conditions.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.EndedUnixMs == null, cancellationToken);
        return row is null ? null : ToCondition(row);
    }

    /// <inheritdoc />
    public async Task<bool> EndAsync(long id, string by, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.Conditions.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (row is null)
        {
            return false;
        }

        row.EndedUnixMs ??= clock.GetUtcNow().ToUnixTimeMilliseconds();
        row.EndedBy ??= by;
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task SuspendAsync(long id, Instant from, Instant to, string reason, string by, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        if (!await context.Conditions.AnyAsync(c => c.Id == id, cancellationToken))
        {
            throw new KeyNotFoundException($"There is no condition {id}.");
        }

        context.ConditionSuspensions.Add(new ConditionSuspensionRow { ConditionId = id, FromUnixMs = from.ToUnixTimeMilliseconds(), ToUnixMs = to.ToUnixTimeMilliseconds(), Reason = reason.Trim(), By = by });
        await context.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Interval>> SuspensionsAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.ConditionSuspensions.AsNoTracking().Where(s => s.ConditionId == id).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Interval(Instant.FromUnixTimeMilliseconds(r.FromUnixMs), Instant.FromUnixTimeMilliseconds(r.ToUnixMs)))];
    }

    private static ConditionRow NewRow(LicenceCondition condition, double bufferMetres, string createdBy, long createdMs, long? startsMs) => new()
    {
        OffenderId = condition.Offender.Value,
        Kind = condition.Kind.ToString(),
        Area = condition.Area.Description,
        BufferMetres = bufferMetres,
        Schedule = condition.Schedule.Text,
        GraceSeconds = (long)condition.Grace.TotalSeconds,
        Rules = JsonSerializer.Serialize(condition.Rules, RulesJson),
        Label = condition.Label,
        CreatedUnixMs = createdMs,
        StartsUnixMs = startsMs,
        CreatedBy = createdBy,
    };

    private static LicenceCondition ToCondition(ConditionRow row) => new(
        row.Id,
        new OffenderId(row.OffenderId),
        Enum.Parse<ConditionKind>(row.Kind),
        ZoneArea.FromDescription(row.Area).Grow(row.BufferMetres),
        Schedule.Parse(row.Schedule),
        Duration.FromSeconds(row.GraceSeconds),
        JsonSerializer.Deserialize<DecisionRules>(row.Rules, RulesJson) ?? new DecisionRules(),
        row.Label)
    {
        AppliesFrom = Instant.FromUnixTimeMilliseconds(row.StartsUnixMs ?? row.CreatedUnixMs),
    };

    private sealed class DurationSecondsConverter : System.Text.Json.Serialization.JsonConverter<Duration>
    {
        public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Duration.FromSeconds(reader.GetDouble());

        public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options) => writer.WriteNumberValue(value.TotalSeconds);
    }
}
