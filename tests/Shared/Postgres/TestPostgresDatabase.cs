using Npgsql;

namespace Tagwatch.Tests;

/// <summary>
/// A fresh, empty PostgreSQL database for one test, on the server <c>TAGWATCH_TEST_POSTGRES</c> names (a connection
/// string; <c>eval "$(.ci/postgres start)"</c> starts a throwaway one and sets it); dropped on dispose.
/// </summary>
/// <remarks>Without a server the PostgreSQL tests are skipped with the reason, unless <c>TAGWATCH_REQUIRE_POSTGRES=1</c>
/// (continuous integration sets it), when they fail instead: there a missing server is a broken build.</remarks>
internal sealed class TestPostgresDatabase : IAsyncDisposable
{
    public const string ServerVariable = "TAGWATCH_TEST_POSTGRES";
    public const string RequiredVariable = "TAGWATCH_REQUIRE_POSTGRES";

    private readonly string _server;

    private TestPostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    /// <summary>The database's name (tw_ and 32 hex digits).</summary>
    public string Name { get; }

    /// <summary>A connection string to this database alone.</summary>
    public string ConnectionString { get; }

    /// <summary>The server's connection string, or a skip (a failure where PostgreSQL is required).</summary>
    public static string Server()
    {
        string? server = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(server))
        {
            return server;
        }

        string reason = $"PostgreSQL tests need a server: set {ServerVariable} to a connection string (eval \"$(.ci/postgres start)\" starts a throwaway one).";
        if (Environment.GetEnvironmentVariable(RequiredVariable) == "1")
        {
            throw new InvalidOperationException(reason);
        }

        Assert.Skip(reason);
        return string.Empty;
    }

    /// <summary>A fresh database: empty, or a copy of the database <paramref name="template"/> names (which nothing may be
    /// connected to meanwhile).</summary>
    public static async Task<TestPostgresDatabase> CreateAsync(string? template = null)
    {
        string server = Server();
        var database = new TestPostgresDatabase(server, "tw_" + Guid.NewGuid().ToString("N"));
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        // A new database follows British English collation rules, as a production database made with the server's
        // usual locale would, so any list the stores order by the database's default collation instead of by bytes
        // comes out differently here than on SQLite, and the tests comparing them show it. (PostgreSQL 15 with ICU.)
        string copy = template is null ? " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-GB'" : $" TEMPLATE {template}";
        await using var command = new NpgsqlCommand($"CREATE DATABASE {database.Name}{copy}", connection);
        await command.ExecuteNonQueryAsync();
        return database;
    }

    /// <summary>A handle on the database <paramref name="name"/> made earlier by <see cref="CreateAsync"/>.</summary>
    public static TestPostgresDatabase Existing(string name) => new(Server(), name);

    /// <summary>Drops the database as the test process ends (a handler of <see cref="AppDomain.ProcessExit"/>): quickly, and
    /// never failing the run over it — the test server is throwaway.</summary>
    public void DropAtExit()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Timeout = 5, CommandTimeout = 10 }.ToString());
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // Left on the throwaway server.
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
