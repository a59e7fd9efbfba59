using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Tagwatch.Storage;

/// <summary>One SQLite database file: creates or migrates its schema on first use and hands out connections and contexts.</summary>
/// <remarks>
/// The file runs in WAL mode (readers never block the writer) with synchronous=FULL so that a committed transaction
/// survives power loss, which is what "acknowledged after commit" promises devices.
/// </remarks>
public sealed class TagwatchDatabase : ITagwatchDatabase
{
    // PRAGMA user_version of a demo database ("tgmo"): the demo replaces only files that carry it.
    private const long DemoMarker = 0x7467_6d6f;

    private readonly string _connectionString;

    private TagwatchDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public string Description => "SQLite " + Path;

    /// <inheritdoc />
    public string LocalFolder => System.IO.Path.GetDirectoryName(Path) ?? ".";

    /// <inheritdoc />
    public IServiceCollection AddStores(IServiceCollection services) => services.AddTagwatchSqlite(this);

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> AppliedMigrationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId";
        var applied = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }

    /// <summary>The data-protection key ring beside the database (<c>NAME.keys</c>): it seals sessions and encrypts
    /// second-factor seeds, so it is as secret as the database and kept owner-only like it.</summary>
    public string KeyRingFolder => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileNameWithoutExtension(Path) + ".keys");

    /// <summary>When true (the default), a commit that grows the write-ahead log past about 4 MB copies it into the
    /// database itself, stalling that commit. A server turns this off and calls <see cref="CheckpointPassiveAsync"/>
    /// from a background loop instead, so device acknowledgements never wait for a checkpoint.</summary>
    public bool AutoCheckpoint { get; set; } = true;

    /// <summary>Opens (creating or migrating when needed) the database at <paramref name="path"/>.</summary>
    /// <exception cref="StorageException">The file cannot be opened as a Tagwatch database.</exception>
    public static async Task<TagwatchDatabase> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var database = new TagwatchDatabase(path);
        try
        {
            string? directory = System.IO.Path.GetDirectoryName(database.Path);
            if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
            {
                throw new StorageException($"Cannot open database {database.Path}: folder {directory} does not exist.");
            }

            database.MakeOwnerOnly();

            bool upToDate;
            await using (var connection = await database.OpenConnectionAsync(cancellationToken))
            {
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode=WAL;";
                await command.ExecuteNonQueryAsync(cancellationToken);
                upToDate = await HasEveryMigrationAsync(connection, database.Path, cancellationToken);
            }

            if (!upToDate)
            {
                await using var context = database.CreateContext();
                await context.Database.MigrateAsync(cancellationToken);
            }
        }
        catch (SqliteException ex)
        {
            throw new StorageException($"Cannot open database {database.Path}: {ex.Message}", ex);
        }

        return database;
    }

    /// <summary>
    /// A new database file is created owner-only before SQLite opens it: SQLite gives its write-ahead log and
    /// shared-memory files the database file's mode, so they are owner-only too. Files an earlier version left readable
    /// by others are restricted.
    /// </summary>
    private void MakeOwnerOnly()
    {
        if (!File.Exists(Path))
        {
            try
            {
                // An empty file is an empty database to SQLite.
                using var created = new FileStream(Path, OwnerOnlyFiles.CreateNew());
            }
            catch (IOException) when (File.Exists(Path))
            {
                // Another process created it first.
            }
        }

        foreach (string file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            try
            {
                OwnerOnlyFiles.Restrict(file);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new StorageException($"Cannot open database {Path}: {file} is readable by other users and this account cannot restrict it (make it owner-only, mode 0600).", ex);
            }
        }
    }

    /// <summary>The identifiers of the schema migrations this build carries, in order.</summary>
    /// <remarks>Read from the migrations' attributes, so that opening an up-to-date database costs one small query
    /// instead of building the EF model (about a second in a fresh process); a test holds it equal to EF's own list.</remarks>
    public static IReadOnlyList<string> Migrations { get; } = typeof(TagwatchDatabase).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(TagwatchDbContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToList();

    // A file whose history names a migration this build does not carry was made by a pre-release build (whose
    // migrations were squashed into one) or by a newer build: migrating it would run the initial migration over its
    // tables, so it is refused instead.
    private static async Task<bool> HasEveryMigrationAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
        {
            return false;
        }

        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        string? unknown = applied.Where(id => !Migrations.Contains(id, StringComparer.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();
        if (unknown is not null)
        {
            throw new StorageException($"Cannot open database {path}: it was created by a pre-release or newer build (its schema history names migration {unknown}, which this build does not carry). Export its data with the build that created it and import it into a new database.");
        }

        return Migrations.All(applied.Contains);
    }

    /// <summary>An open connection with the store's pragmas applied.</summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Copies what it can of the write-ahead log into the database without waiting for readers or writers.</summary>
    public async Task CheckpointPassiveAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Moves everything in the write-ahead log into the database file and empties the log.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Marks this database as a disposable demo, so that a later demo may replace it.</summary>
    public async Task MarkAsDemoAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA user_version = {DemoMarker}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True when the file at <paramref name="path"/> is a database marked by <see cref="MarkAsDemoAsync"/>.</summary>
    public static async Task<bool> IsDemoAsync(string path, CancellationToken cancellationToken = default)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version";
            return await command.ExecuteScalarAsync(cancellationToken) is long version && version == DemoMarker;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>Deletes a database file with its write-ahead log and shared-memory files.</summary>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (string file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>A new EF Core context on this database; dispose it after use.</summary>
    public TagwatchDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<TagwatchDbContext>().UseSqlite(_connectionString).AddInterceptors(new PragmaInterceptor(this)).Options);

    // Every connection, raw or EF's, gets the same settings. busy_timeout makes SQLite itself wait for a lock with short
    // sleeps; without it Microsoft.Data.Sqlite retries a busy statement only every 150 ms, which put 150–300 ms stalls
    // into device acknowledgements whenever two writers met.
    private string Pragmas =>
        "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; "
        + (AutoCheckpoint ? "PRAGMA wal_autocheckpoint=1000;" : "PRAGMA wal_autocheckpoint=0;");

    private sealed class PragmaInterceptor(TagwatchDatabase database) : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = database.Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = database.Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
