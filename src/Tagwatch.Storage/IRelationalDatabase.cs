namespace Tagwatch.Storage;

/// <summary>
/// The relational database the EF Core stores work on: the embedded SQLite file (<see cref="TagwatchDatabase"/>) or a
/// PostgreSQL server. The stores that only use EF Core take this, so one implementation serves both databases.
/// </summary>
public interface IRelationalDatabase
{
    /// <summary>A new EF Core context on this database; dispose it after use.</summary>
    TagwatchDbContext CreateContext();
}
