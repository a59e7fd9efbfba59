using Microsoft.Data.Sqlite;
using Npgsql;
using Tagwatch.Storage;
using Tagwatch.Storage.Postgres;

namespace Tagwatch.Tests;

/// <summary>The database a test runs on.</summary>
public enum StoreKind
{
    /// <summary>A SQLite file in a fresh temporary folder.</summary>
    Sqlite,

    /// <summary>A fresh database on the test PostgreSQL server (<see cref="TestPostgresDatabase"/>).</summary>
    Postgres,
}

/// <summary>
/// Which database a test run uses and a fresh one of either kind. SQLite unless the test assembly is compiled with
/// <c>TAGWATCH_TEST_POSTGRES</c> defined (the PostgreSQL twin of a suite) or a test asks for a kind itself.
/// </summary>
internal static class TestStore
{
    /// <summary>The kind this test assembly runs on when a test does not say.</summary>
    public static StoreKind Default { get; } =
#if TAGWATCH_TEST_POSTGRES
        StoreKind.Postgres;
#else
        StoreKind.Sqlite;
#endif

    private static readonly Lazy<Task<string>> MigratedTemplate = new(CreateMigratedTemplateAsync);

    /// <summary>The name of an empty PostgreSQL database with every migration applied, made once per test run and copied
    /// (<c>CREATE DATABASE … TEMPLATE</c>) for each test: copying costs a fraction of migrating.</summary>
    public static Task<string> MigratedTemplateAsync() => MigratedTemplate.Value;

    private static async Task<string> CreateMigratedTemplateAsync()
    {
        var template = await TestPostgresDatabase.CreateAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DropAtExit();
        string node = Path.Combine(Path.GetTempPath(), "tagwatch-tests", template.Name);
        await (await PostgresDatabase.OpenAsync(template.ConnectionString, node)).DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(node, recursive: true);
        return template.Name;
    }

    /// <summary>A fresh, empty (migrated) database of <paramref name="kind"/>, with a fresh scratch folder for its file or
    /// caches under <paramref name="parent"/> (the temporary folder when null).</summary>
    public static async Task<TestDatabase> CreateAsync(StoreKind kind, string? parent = null, string fileName = "tagwatch.db")
    {
        string directory = Path.Combine(parent ?? Path.Combine(Path.GetTempPath(), "tagwatch-tests"), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        if (kind == StoreKind.Sqlite)
        {
            return new TestDatabase(directory, await TagwatchDatabase.OpenAsync(Path.Combine(directory, fileName)), null);
        }

        var server = await TestPostgresDatabase.CreateAsync(await MigratedTemplateAsync());
        try
        {
            return new TestDatabase(directory, await PostgresDatabase.OpenAsync(server.ConnectionString, Path.Combine(directory, "node")), server);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}

/// <summary>A fresh database of either kind and its scratch folder: the folder deleted, a PostgreSQL database dropped, on
/// dispose.</summary>
internal sealed class TestDatabase(string directory, ITagwatchDatabase database, TestPostgresDatabase? server) : IAsyncDisposable
{
    /// <summary>The scratch folder (the SQLite file's, or the PostgreSQL node's caches' parent).</summary>
    public string Directory { get; } = directory;

    public ITagwatchDatabase Database { get; } = database;

    public StoreKind Kind => server is null ? StoreKind.Sqlite : StoreKind.Postgres;

    /// <summary>The PostgreSQL database's connection string (null on SQLite).</summary>
    public string? ConnectionString => server?.ConnectionString;

    /// <summary>A second, independent handle on the same database, as a restarted process would have.</summary>
    public async Task<ITagwatchDatabase> ReopenAsync()
    {
        if (Database is TagwatchDatabase sqlite)
        {
            SqliteConnection.ClearAllPools();
            return await TagwatchDatabase.OpenAsync(sqlite.Path);
        }

        return await PostgresDatabase.OpenAsync(server!.ConnectionString, Path.Combine(Directory, "node"));
    }

    public async ValueTask DisposeAsync()
    {
        if (Database is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; never fail a test over it.
        }
    }
}
