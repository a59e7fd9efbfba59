using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Tagwatch.Storage.Postgres;

/// <summary>
/// One PostgreSQL database shared by every server node: applies its migrations on first use and hands out connections
/// (from one pooled <see cref="NpgsqlDataSource"/>) and EF Core contexts.
/// </summary>
/// <remarks>
/// Durability is PostgreSQL's: a transaction is acknowledged once its commit record is flushed to the write-ahead log
/// (synchronous_commit on, the server's default), which is what "acknowledged after commit" promises devices.
/// </remarks>
public sealed class PostgresDatabase : ITagwatchDatabase, IAsyncDisposable
{
    private readonly DbContextOptions<PostgresTagwatchDbContext> _contextOptions;

    private PostgresDatabase(NpgsqlDataSource dataSource, string description, string localFolder)
    {
        DataSource = dataSource;
        Description = description;
        LocalFolder = localFolder;
        _contextOptions = new DbContextOptionsBuilder<PostgresTagwatchDbContext>()
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
            .Options;
    }

    /// <summary>The pooled connections every store of this process shares.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>"PostgreSQL host:port/name", for messages (never the password).</summary>
    public string Description { get; }

    /// <inheritdoc />
    public string LocalFolder { get; }

    /// <summary>The folder a node keeps its caches in when none is configured: one per server and database under the
    /// temporary folder (caches are derived, so losing them costs only their rebuilding).</summary>
    public static string DefaultLocalFolder(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        string name = $"{builder.Host}-{builder.Port}-{builder.Database ?? builder.Username}";
        string safe = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_'));
        return Path.Combine(Path.GetTempPath(), "tagwatch-node", safe);
    }

    /// <summary>The identifiers of the schema migrations this build carries for PostgreSQL, in order.</summary>
    public static IReadOnlyList<string> Migrations { get; } = typeof(PostgresDatabase).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(PostgresTagwatchDbContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Connects to the database <paramref name="connectionString"/> names and applies the migrations it lacks.
    /// Several nodes may start at once: one migrates while the others wait.</summary>
    /// <exception cref="StorageException">The server cannot be reached, refuses the account, or holds a schema this build
    /// does not know.</exception>
    public static Task<PostgresDatabase> OpenAsync(string connectionString, CancellationToken cancellationToken = default) =>
        OpenAsync(connectionString, null, cancellationToken);

    /// <summary>Opens the database as <see cref="OpenAsync(string, CancellationToken)"/> does, this node keeping its caches
    /// in <paramref name="localFolder"/> (created owner-only when missing; null: <see cref="DefaultLocalFolder"/>).</summary>
    public static async Task<PostgresDatabase> OpenAsync(string connectionString, string? localFolder, CancellationToken cancellationToken = default)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StorageException($"Cannot use the PostgreSQL connection string: {ex.Message}", ex);
        }

        string description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        var database = new PostgresDatabase(NpgsqlDataSource.Create(builder), description, OwnerOnlyFiles.CreateFolder(Path.GetFullPath(localFolder ?? DefaultLocalFolder(connectionString))).FullName);
        try
        {
            var applied = await AppliedMigrationsAsync(database, cancellationToken);
            string? unknown = applied.Where(id => !Migrations.Contains(id, StringComparer.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();
            if (unknown is not null)
            {
                throw new StorageException($"Cannot open {description}: its schema history names migration {unknown}, which this build does not carry (it was made by a newer build). Run the newer build, or restore a backup made before the upgrade.");
            }

            if (!Migrations.All(applied.Contains))
            {
                await MigrateAloneAsync(database, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException && ex is not StorageException)
        {
            await database.DisposeAsync();
            throw new StorageException($"Cannot open {description}: {ex.Message}", ex);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }

        return database;
    }

    /// <summary>
    /// Applies the missing migrations while holding a session advisory lock, so of several nodes starting at once one
    /// migrates and the others wait and then find nothing to do. (EF Core's own lock is a table lock that each
    /// migration's transaction releases, so with more than one migration pending two nodes could both apply the next.)
    /// </summary>
    private static async Task MigrateAloneAsync(PostgresDatabase database, CancellationToken cancellationToken)
    {
        await using var holder = await database.OpenConnectionAsync(cancellationToken);
        await using (var take = holder.CreateCommand())
        {
            take.CommandText = "SELECT pg_advisory_lock(1414987776, 0)"; // 'TW' 00 00: Tagwatch's schema migrations
            take.CommandTimeout = 0;
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using var context = database.CreateContext();
            await context.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await using var release = holder.CreateCommand();
            release.CommandText = "SELECT pg_advisory_unlock(1414987776, 0)";
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>The migrations the database has applied, empty for a new database.</summary>
    public static Task<IReadOnlyList<string>> AppliedMigrationsAsync(PostgresDatabase database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.AppliedMigrationsAsync(cancellationToken);
    }

    /// <inheritdoc />
    public IServiceCollection AddStores(IServiceCollection services) => services.AddTagwatchPostgres(this);

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> AppliedMigrationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT to_regclass('public.\"__EFMigrationsHistory\"') IS NOT NULL";
        if (await command.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return [];
        }

        command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"";
        var applied = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }

    /// <summary>An open pooled connection; dispose it to return it to the pool.</summary>
    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        DataSource.OpenConnectionAsync(cancellationToken);

    /// <inheritdoc />
    public TagwatchDbContext CreateContext() => new PostgresTagwatchDbContext(_contextOptions);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
