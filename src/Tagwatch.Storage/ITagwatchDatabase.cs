using Microsoft.Extensions.DependencyInjection;

namespace Tagwatch.Storage;

/// <summary>
/// An opened Tagwatch database — the embedded SQLite file or a PostgreSQL server — that registers its stores. The
/// server and the console compose on this, so they run unchanged on either.
/// </summary>
public interface ITagwatchDatabase : IRelationalDatabase
{
    /// <summary>What it is, for messages and logs: "SQLite /path/tagwatch.db" or "PostgreSQL host:port/name" (never a password).</summary>
    string Description { get; }

    /// <summary>This node's folder for caches derived from the database (map tiles, day grids): beside a SQLite file, a
    /// configured folder for a PostgreSQL node.</summary>
    string LocalFolder { get; }

    /// <summary>The identifiers of the schema migrations applied, oldest first (the last is the schema version).</summary>
    Task<IReadOnlyList<string>> AppliedMigrationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Registers every store on this database under the application core's interfaces.</summary>
    IServiceCollection AddStores(IServiceCollection services);
}
