using System.Reflection;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage.Postgres.Copy;

/// <summary>
/// Moves a pilot from its SQLite file to an empty PostgreSQL database: every table row for row (keys kept, so audit
/// records, matches and their references stay as they were), the fixes through the two fix stores (each keeps its own
/// chunks and day versions), and the data-protection keys; then checks every count and the audit chain.
/// </summary>
/// <remarks>Run it with the servers stopped: rows written to the source during the copy would not be copied.</remarks>
public sealed class DatabaseCopy(TagwatchDatabase source, IServiceProvider sourceServices, PostgresDatabase destination, IServiceProvider destinationServices)
{
    private const int Batch = 5_000;
    private const long MillisecondsPerDay = 86_400_000;

    // Fix chunks and day versions are the fix store's own; each database's store writes its own. The audit chain's base
    // is one row the schema seeds and guards: it is set after the records (CopyChainBaseAsync).
    private static readonly HashSet<Type> CopiedThroughTheFixStore = [typeof(FixChunkRow), typeof(FixDayRow), typeof(AuditChainBaseRow)];

    private static readonly MethodInfo CopyTableMethod = typeof(DatabaseCopy).GetMethod(nameof(CopyTableAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>Copies everything and verifies it, telling <paramref name="progress"/> each step.</summary>
    /// <exception cref="StorageException">The destination is not empty, or a check failed (the message says which).</exception>
    public async Task<DatabaseCopyReport> RunAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        await RefuseUnlessEmptyAsync(cancellationToken);
        await using var model = source.CreateContext();
        var tables = new List<DatabaseCopyReport.TableCount>();
        foreach (var type in Ordered(model.Model.GetEntityTypes()))
        {
            if (CopiedThroughTheFixStore.Contains(type.ClrType))
            {
                continue;
            }

            string table = type.GetTableName()!;
            progress?.Report($"copying {table}");
            var copy = (Task<long>)CopyTableMethod.MakeGenericMethod(type.ClrType).Invoke(this, [type, cancellationToken])!;
            long copied = await copy;
            long counted = await CountAsync(destination, type.ClrType, cancellationToken);
            tables.Add(new DatabaseCopyReport.TableCount(table, copied, counted));
            if (copied != counted)
            {
                throw new StorageException($"Copy of {table} is incomplete: {copied} rows read from the SQLite file, {counted} in PostgreSQL.");
            }
        }

        await RestartIdentitiesAsync(model.Model, cancellationToken);
        await CopyChainBaseAsync(cancellationToken);
        progress?.Report("copying fixes");
        var fixes = await CopyFixesAsync(cancellationToken);
        progress?.Report("copying data-protection keys");
        int keys = CopyKeys();
        progress?.Report("verifying the audit chain");
        var (entries, head) = await VerifyAuditAsync(cancellationToken);
        return new DatabaseCopyReport(tables, fixes, entries, head, keys);
    }

    private async Task RefuseUnlessEmptyAsync(CancellationToken cancellationToken)
    {
        await using var context = destination.CreateContext();
        if (await context.Offenders.AnyAsync(cancellationToken) || await context.Tags.AnyAsync(cancellationToken)
            || await context.AuditLog.AnyAsync(cancellationToken) || await context.Users.AnyAsync(cancellationToken))
        {
            throw new StorageException($"Cannot copy into {destination.Description}: it already holds data (people, tags, accounts or audit records). Copy into a new, empty database.");
        }
    }

    // Principals before dependants (accounts before their claims and tokens), so foreign keys hold at every insert.
    private static List<IEntityType> Ordered(IEnumerable<IEntityType> types)
    {
        var all = types.Where(t => t.GetTableName() is not null && !t.IsOwned()).ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        while (ordered.Count < all.Count)
        {
            var ready = all.Where(t => !placed.Contains(t) && t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || placed.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0)
            {
                throw new StorageException("The model's foreign keys form a cycle; the copy cannot order its tables.");
            }

            foreach (var type in ready.OrderBy(t => t.GetTableName(), StringComparer.Ordinal))
            {
                ordered.Add(type);
                placed.Add(type);
            }
        }

        return ordered;
    }

    private async Task<long> CopyTableAsync<T>(IEntityType type, CancellationToken cancellationToken)
        where T : class
    {
        var key = type.FindPrimaryKey()!.Properties;
        await using var from = source.CreateContext();
        IQueryable<T> query = from.Set<T>().AsNoTracking();
        IOrderedQueryable<T> ordered = query.OrderBy(r => EF.Property<object>(r, key[0].Name));
        foreach (var property in key.Skip(1))
        {
            ordered = ordered.ThenBy(r => EF.Property<object>(r, property.Name));
        }

        long copied = 0;
        var batch = new List<T>(Batch);
        await foreach (var row in ordered.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            batch.Add(row);
            if (batch.Count == Batch)
            {
                copied += await WriteAsync(batch, cancellationToken);
            }
        }

        return copied + await WriteAsync(batch, cancellationToken);
    }

    private async Task<int> WriteAsync<T>(List<T> batch, CancellationToken cancellationToken)
        where T : class
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await using var to = destination.CreateContext();
        to.ChangeTracker.AutoDetectChangesEnabled = false;
        to.Set<T>().AddRange(batch);
        await to.SaveChangesAsync(cancellationToken);
        int written = batch.Count;
        batch.Clear();
        return written;
    }

    private static async Task<long> CountAsync(PostgresDatabase database, Type type, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type).Invoke(context, null)!;
        return await set.LongCountAsync(cancellationToken);
    }

    // Keys were inserted as they were, so each identity column's sequence starts after the largest copied.
    private async Task RestartIdentitiesAsync(IModel model, CancellationToken cancellationToken)
    {
        await using var connection = await destination.OpenConnectionAsync(cancellationToken);
        foreach (var type in model.GetEntityTypes().Where(t => t.GetTableName() is not null))
        {
            foreach (var property in type.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(long) || p.ClrType == typeof(int))))
            {
                string table = type.GetTableName()!;
                string column = property.GetColumnName();
                await using var command = connection.CreateCommand();
                command.CommandText = $"""
                    SELECT setval(seq, COALESCE((SELECT MAX("{column}") FROM "{table}"), 0) + 1, false)
                    FROM pg_get_serial_sequence('"{table}"', '{column}') AS seq WHERE seq IS NOT NULL
                    """;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    // A chain never trimmed starts at the genesis base the schema seeded. A trimmed one starts where the SQLite file's
    // retention moved it, which the database's guard lets only a purge do: the copy sets it with the guard's triggers
    // off for its own transaction, which needs the database's owner or a superuser. The highest issued sequence follows.
    private async Task CopyChainBaseAsync(CancellationToken cancellationToken)
    {
        await using var from = source.CreateContext();
        var chainBase = await from.AuditChainBase.AsNoTracking().SingleAsync(cancellationToken);
        await using var connection = await destination.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (chainBase.Sequence > 0)
        {
            try
            {
                await using var command = new Npgsql.NpgsqlCommand("""
                    SET LOCAL session_replication_role = replica;
                    UPDATE audit_chain_base SET "Sequence" = @seq, "Hash" = @hash, "AtUnixMs" = @at, "RetentionDays" = @days, "MovedBy" = @by WHERE "Id" = 1;
                    """, connection);
                command.Parameters.AddWithValue("seq", chainBase.Sequence);
                command.Parameters.AddWithValue("hash", chainBase.Hash);
                command.Parameters.AddWithValue("at", chainBase.AtUnixMs);
                command.Parameters.AddWithValue("days", chainBase.RetentionDays);
                command.Parameters.AddWithValue("by", chainBase.MovedBy);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.InsufficientPrivilege)
            {
                throw new StorageException($"The SQLite file's audit log was trimmed by retention (its chain starts after record {chainBase.Sequence}); setting that start in {destination.Description} needs a superuser connection for the copy. Run db copy as the database's superuser.", ex);
            }
        }

        await using (var head = new Npgsql.NpgsqlCommand("""UPDATE audit_head SET "Sequence" = greatest("Sequence", (SELECT COALESCE(MAX("Sequence"), 0) FROM audit_log)) WHERE "Id" = 1""", connection))
        {
            await head.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<(long Source, long Destination)> CopyFixesAsync(CancellationToken cancellationToken)
    {
        var from = sourceServices.GetRequiredService<IFixStore>();
        var to = destinationServices.GetRequiredService<IFixStore>();
        await using var context = source.CreateContext();
        var spans = await context.FixChunks.AsNoTracking()
            .GroupBy(c => c.TagKey)
            .Select(g => new { TagKey = g.Key, First = g.Min(c => c.Day), Last = g.Max(c => c.Day) })
            .Join(context.Tags, s => s.TagKey, t => t.Key, (s, t) => new { t.DeviceId, s.First, s.Last })
            .ToListAsync(cancellationToken);
        foreach (var span in spans)
        {
            var tag = TagId.Parse(span.DeviceId);
            // A month at a time, so a year of one tag's fixes is never in memory at once.
            for (long day = span.First; day <= span.Last; day += 31)
            {
                var start = Instant.FromUnixTimeMilliseconds(day * MillisecondsPerDay);
                var end = Instant.FromUnixTimeMilliseconds(Math.Min(day + 31, span.Last + 1L) * MillisecondsPerDay - 1);
                var fixes = await from.ReadAsync(tag, start, end, cancellationToken);
                if (fixes.Count > 0)
                {
                    await to.AppendAsync(new Dictionary<TagId, List<Core.Fixes.Fix>> { [tag] = [.. fixes] }, cancellationToken);
                }
            }
        }

        long sourceFixes = (await from.StatisticsAsync(cancellationToken)).Fixes;
        long destinationFixes = (await to.StatisticsAsync(cancellationToken)).Fixes;
        if (sourceFixes != destinationFixes)
        {
            throw new StorageException($"Copy of fixes is incomplete: {sourceFixes} in the SQLite file, {destinationFixes} in PostgreSQL.");
        }

        return (sourceFixes, destinationFixes);
    }

    // The keys that seal sessions and encrypt second-factor seeds: without them every seed copied would be unreadable.
    private int CopyKeys()
    {
        var repository = destinationServices.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository
            ?? throw new StorageException("The PostgreSQL side has no data-protection key repository configured.");
        var folder = new DirectoryInfo(source.KeyRingFolder);
        if (!folder.Exists)
        {
            return 0;
        }

        int copied = 0;
        foreach (var file in folder.GetFiles("key-*.xml").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            repository.StoreElement(XElement.Load(file.FullName), Path.GetFileNameWithoutExtension(file.Name));
            copied++;
        }

        return copied;
    }

    private async Task<(long Entries, (long Sequence, string Hash) Head)> VerifyAuditAsync(CancellationToken cancellationToken)
    {
        var sourceCheck = await sourceServices.GetRequiredService<IAuditLog>().VerifyAsync(cancellationToken: cancellationToken);
        var head = (sourceCheck.HeadSequence, sourceCheck.HeadHash);
        var destinationCheck = await destinationServices.GetRequiredService<IAuditLog>().VerifyAsync(head, cancellationToken: cancellationToken);
        if (!destinationCheck.Intact || destinationCheck.HeadSequence != head.HeadSequence || destinationCheck.HeadHash != head.HeadHash)
        {
            throw new StorageException($"The audit chain copied to PostgreSQL does not verify: {string.Join("; ", destinationCheck.Problems.DefaultIfEmpty($"its head is record {destinationCheck.HeadSequence}, the SQLite file's {head.HeadSequence}"))}.");
        }

        return (destinationCheck.Entries, head);
    }
}
