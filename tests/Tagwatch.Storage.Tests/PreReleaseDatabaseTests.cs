using Microsoft.Data.Sqlite;

namespace Tagwatch.Storage.Tests;

/// <summary>A database made by a pre-release build (whose migrations were squashed into one) is refused with a
/// message naming the file and what to do, rather than having the initial migration run over its tables.</summary>
public sealed class PreReleaseDatabaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tagwatch-prerelease-").FullName;

    [Fact]
    public async Task Open_DatabaseWithPreReleaseMigrationHistory_IsRefusedNamingTheFile()
    {
        string path = Path.Combine(_folder, "old.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('20261125083402_Initial', '10.0.0'), ('20261204083414_RefusalReasons', '10.0.0');
                CREATE TABLE audit_log (Sequence INTEGER NOT NULL PRIMARY KEY);
                """;
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var refused = await Assert.ThrowsAsync<StorageException>(() => TagwatchDatabase.OpenAsync(path, TestContext.Current.CancellationToken));

        Assert.Contains(Path.GetFullPath(path), refused.Message, StringComparison.Ordinal);
        Assert.Contains("20261125083402_Initial", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Export", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
