using System.Text.Json;

namespace Tagwatch.Cli.Tests;

/// <summary>Which database a command works on — a SQLite file by default, PostgreSQL by option or configuration — and
/// <c>tagwatch migrate</c>, which reports the schema version of either.</summary>
public sealed class DatabaseChoiceTests
{
    [Fact]
    public async Task Migrate_NewSqliteFile_CreatesItAndReportsTheLatestMigration()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("migrate", "--json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("SQLite " + tagwatch.DatabasePath, report.GetProperty("database").GetString());
        var migrations = report.GetProperty("migrations").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Equal(Storage.TagwatchDatabase.Migrations, migrations);
        Assert.Equal(migrations[^1], report.GetProperty("schema_version").GetString());
        Assert.True(File.Exists(tagwatch.DatabasePath));
    }

    [Fact]
    public async Task Migrate_Postgres_ByOptionOrByConfiguration_ReportsItsOwnMigrations()
    {
        await using var server = await TestPostgresDatabase.CreateAsync();
        using var tagwatch = new Tagwatch();

        var byOption = await tagwatch.RunAsync("--postgres", server.ConnectionString, "migrate", "--json");
        var byConfiguration = await tagwatch.RunAsync(["migrate", "--json"], environment: new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__Tagwatch"] = server.ConnectionString,
        });

        foreach (var result in new[] { byOption, byConfiguration })
        {
            Assert.Equal(0, result.ExitCode);
            var report = JsonDocument.Parse(result.Output).RootElement;
            Assert.StartsWith("PostgreSQL 127.0.0.1:", report.GetProperty("database").GetString(), StringComparison.Ordinal);
            Assert.EndsWith("/" + server.Name, report.GetProperty("database").GetString(), StringComparison.Ordinal);
            Assert.Equal(Storage.Postgres.PostgresDatabase.Migrations, report.GetProperty("migrations").EnumerateArray().Select(m => m.GetString()!).ToList());
        }

        Assert.False(File.Exists(tagwatch.DatabasePath), "no SQLite file is made when the command runs on PostgreSQL");
    }

    [Fact]
    public async Task BothDatabases_AreRefusedAsAContradiction()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("migrate", "--db", "x.db", "--postgres", "Host=127.0.0.1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--db and --postgres", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Postgres", null, "ConnectionStrings:Tagwatch is not set")]
    [InlineData("Oracle", null, "Storage:Provider is 'Oracle': it must be Sqlite or Postgres")]
    public async Task Configuration_ThatCannotBeFollowed_IsRefusedSayingWhy(string provider, string? connection, string expected)
    {
        using var tagwatch = new Tagwatch();
        var environment = new Dictionary<string, string> { ["Storage__Provider"] = provider };
        if (connection is not null)
        {
            environment["ConnectionStrings__Tagwatch"] = connection;
        }

        var result = await tagwatch.RunAsync(["stats"], environment: environment);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(tagwatch.DatabasePath));
    }

    [Fact]
    public async Task UnreachablePostgres_FailsNamingTheServer_WithoutThePassword()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("migrate", "--postgres", "Host=127.0.0.1;Port=1;Database=pilot;Username=tagwatch;Password=s3cret-value;Timeout=2");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PostgreSQL 127.0.0.1:1/pilot", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_OnPostgres_IsRefused_TheDemoKeepsToItsOwnSqliteFile()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("demo", "--postgres", "Host=127.0.0.1;Port=1;Database=pilot");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("SQLite", result.Error, StringComparison.Ordinal);
    }
}
