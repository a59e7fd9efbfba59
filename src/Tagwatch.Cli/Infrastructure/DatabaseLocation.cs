using Tagwatch.Storage;
using Tagwatch.Storage.Postgres;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>Which database a command works on: the embedded SQLite file (the default) or a PostgreSQL server.</summary>
/// <param name="SqlitePath">The SQLite file's full path, when on SQLite.</param>
/// <param name="PostgresConnection">The Npgsql connection string, when on PostgreSQL.</param>
/// <param name="NodeFolder">A PostgreSQL node's folder for caches (map tiles, day grids); null for the default.</param>
internal sealed record DatabaseLocation(string? SqlitePath, string? PostgresConnection, string? NodeFolder = null)
{
    /// <summary>True on PostgreSQL.</summary>
    public bool IsPostgres => PostgresConnection is not null;

    /// <summary>The SQLite file at <paramref name="path"/>.</summary>
    public static DatabaseLocation Sqlite(string path) => new(path, null);

    /// <summary>The PostgreSQL database <paramref name="connection"/> names.</summary>
    public static DatabaseLocation Postgres(string connection, string? nodeFolder = null) => new(null, connection, nodeFolder);

    /// <summary>Opens (creating or migrating) the database.</summary>
    /// <exception cref="StorageException">It cannot be opened; the message says which and why.</exception>
    public async Task<ITagwatchDatabase> OpenAsync(CancellationToken cancellationToken) =>
        IsPostgres
            ? await PostgresDatabase.OpenAsync(PostgresConnection!, NodeFolder, cancellationToken)
            : await TagwatchDatabase.OpenAsync(SqlitePath!, cancellationToken);
}
