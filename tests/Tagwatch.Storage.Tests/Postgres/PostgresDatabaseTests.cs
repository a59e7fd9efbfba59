using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tagwatch.Storage.Postgres;

namespace Tagwatch.Storage.Tests.Postgres;

/// <summary>Opening a PostgreSQL database: the schema built by its own migrations, the model and the migrations in
/// step, several nodes starting at once, and clear refusals.</summary>
public sealed class PostgresDatabaseTests
{
    [Fact]
    public async Task Open_NewDatabase_AppliesEveryMigration_AndTheModelHasNoChangesThatNoMigrationMakes()
    {
        await using var server = await TestPostgresDatabase.CreateAsync();
        await using var database = await PostgresDatabase.OpenAsync(server.ConnectionString, TestContext.Current.CancellationToken);
        await using var context = database.CreateContext();

        Assert.Equal(PostgresDatabase.Migrations, await PostgresDatabase.AppliedMigrationsAsync(database, TestContext.Current.CancellationToken));
        Assert.Equal(context.Database.GetMigrations(), PostgresDatabase.Migrations);
        Assert.False(context.Database.HasPendingModelChanges(), "the model differs from PostgreSQL's last migration snapshot: add a PostgreSQL migration");
    }

    [Fact]
    public async Task Open_ByTwoNodesAtOnce_MigratesOnce_AndBothWork()
    {
        await using var server = await TestPostgresDatabase.CreateAsync();
        var opening = Enumerable.Range(0, 2).Select(_ => PostgresDatabase.OpenAsync(server.ConnectionString, TestContext.Current.CancellationToken)).ToList();
        var databases = await Task.WhenAll(opening);
        try
        {
            foreach (var database in databases)
            {
                await using var context = database.CreateContext();
                Assert.Equal(0, await context.Offenders.CountAsync(TestContext.Current.CancellationToken));
            }

            Assert.Equal(PostgresDatabase.Migrations, await PostgresDatabase.AppliedMigrationsAsync(databases[0], TestContext.Current.CancellationToken));
        }
        finally
        {
            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Open_DatabaseFromANewerBuild_IsRefusedNamingTheMigration()
    {
        await using var server = await TestPostgresDatabase.CreateAsync();
        await (await PostgresDatabase.OpenAsync(server.ConnectionString, TestContext.Current.CancellationToken)).DisposeAsync();
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("INSERT INTO \"__EFMigrationsHistory\" VALUES ('29991231000000_FromTheFuture', '10.0.0')", connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var refused = await Assert.ThrowsAsync<StorageException>(() => PostgresDatabase.OpenAsync(server.ConnectionString, TestContext.Current.CancellationToken));

        Assert.Contains("29991231000000_FromTheFuture", refused.Message, StringComparison.Ordinal);
        Assert.Contains(server.Name, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_UnreachableServer_IsRefusedNamingTheServer()
    {
        TestPostgresDatabase.Server();

        var refused = await Assert.ThrowsAsync<StorageException>(() =>
            PostgresDatabase.OpenAsync("Host=127.0.0.1;Port=1;Database=nowhere;Username=tagwatch;Timeout=2", TestContext.Current.CancellationToken));

        Assert.Contains("127.0.0.1:1/nowhere", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_MalformedConnectionString_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<StorageException>(() => PostgresDatabase.OpenAsync("Hots=;;=x", TestContext.Current.CancellationToken));

        Assert.Contains("connection string", refused.Message, StringComparison.Ordinal);
    }
}
