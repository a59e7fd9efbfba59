using Npgsql;

namespace Tagwatch.Benchmarks;

/// <summary>A fresh database for one benchmark run on the PostgreSQL server a connection string names (never that
/// database itself), dropped at the end.</summary>
internal sealed class BenchPostgresDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private BenchPostgresDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<BenchPostgresDatabase> CreateAsync(string server)
    {
        var database = new BenchPostgresDatabase(server, $"tagwatch_bench_{Environment.ProcessId}");
        await database.ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {database._name}");
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database._name}");
        return database;
    }

    /// <summary>Bytes of the fix store's tables on disk: every month partition of <c>fix_chunks</c> with its indexes and
    /// TOAST, and the day versions.</summary>
    public async Task<long> FixTableBytesAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT COALESCE(SUM(pg_total_relation_size(i.inhrelid)), 0) + pg_total_relation_size('fix_days')
            FROM pg_inherits i WHERE i.inhparent = 'fix_chunks'::regclass
            """, connection);
        await using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection);
        await checkpoint.ExecuteNonQueryAsync();
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
