using Npgsql;

namespace Tagwatch.Storage.Postgres.Coordination;

/// <summary>Ends a connection's session for good, so a session-level lock it may hold is freed rather than kept by an
/// idle connection waiting in the pool.</summary>
internal static class SessionEnd
{
    public static async Task CloseAsync(NpgsqlConnection connection)
    {
        // Clearing the pool makes every connection open now close physically when it is returned, this one included;
        // the others are simply opened afresh. Rare: only when a lock's session failed.
        NpgsqlConnection.ClearPool(connection);
        await connection.DisposeAsync();
    }
}
