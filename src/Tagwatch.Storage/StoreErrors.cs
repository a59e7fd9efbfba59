using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Tagwatch.Storage;

/// <summary>What a failed write means, whichever database refused it.</summary>
public static class StoreErrors
{
    // SQLite's SQLITE_CONSTRAINT; PostgreSQL's unique_violation (SQLSTATE 23505), which Npgsql reports through DbException.SqlState.
    private const int SqliteConstraint = 19;
    private const string PostgresUniqueViolation = "23505";

    /// <summary>True when <paramref name="exception"/> is a unique constraint refusing a second row with the same key.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint }
            or DbException { SqlState: PostgresUniqueViolation };
}
