using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Tagwatch.Storage;

/// <summary>One SQLite database file: creates or migrates its schema on first use and hands out connections and contexts.</summary>
/// <remarks>
/// The file runs in WAL mode (readers never block the writer) with synchronous=FULL so that a committed transaction
/// survives power loss, which is what "acknowledged after commit" promises devices.
/// </remarks>
public sealed class TagwatchDatabase
{
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

            await using (var connection = await database.OpenConnectionAsync(cancellationToken))
            {
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode=WAL;";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var context = database.CreateContext();
            await context.Database.MigrateAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw new StorageException($"Cannot open database {database.Path}: {ex.Message}", ex);
        }

        return database;
    }

    /// <summary>An open connection with the store's pragmas applied.</summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Moves everything in the write-ahead log into the database file and empties the log.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A new EF Core context on this database; dispose it after use.</summary>
    public TagwatchDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<TagwatchDbContext>().UseSqlite(_connectionString).Options);
}
