using System.Text.Json;

namespace Tagwatch.Cli.Tests.Postgres;

/// <summary><c>tagwatch db copy</c>: a pilot's SQLite file moved to PostgreSQL with every count and the audit chain
/// checked, and refusals that leave the destination untouched.</summary>
public sealed class DbCopyTests
{
    [Fact]
    public async Task Copy_SimulatedPilot_GivesTheSameStatisticsAndAnIntactAuditChainOnPostgres()
    {
        await using var server = await TestPostgresDatabase.CreateAsync();
        using var tagwatch = new Tagwatch();
        Assert.Equal(0, (await tagwatch.RunAsync("simulate", "--tags", "4", "--days", "2", "--seed", "5", "--load")).ExitCode);
        Assert.Equal(0, (await tagwatch.RunAsync("offenders", "list")).ExitCode); // an audited read, so the chain is not empty

        var copy = await tagwatch.RunAsync("db", "copy", "--from", "sqlite:" + tagwatch.DatabasePath, "--to", "postgres:" + server.ConnectionString);

        Assert.True(copy.ExitCode == 0, copy.Error);
        Assert.Contains("every count equal", copy.Output, StringComparison.Ordinal);
        var before = JsonDocument.Parse((await tagwatch.RunAsync("stats", "--json")).Output).RootElement;
        var after = JsonDocument.Parse((await tagwatch.RunAsync("stats", "--json", "--postgres", server.ConnectionString)).Output).RootElement;
        foreach (string figure in new[] { "offenders", "tags", "fixes", "crimes", "area_crimes" })
        {
            Assert.Equal(before.GetProperty(figure).GetInt64(), after.GetProperty(figure).GetInt64());
        }

        Assert.True(after.GetProperty("fixes").GetInt64() > 0);
        var verified = await tagwatch.RunAsync("audit", "verify", "--postgres", server.ConnectionString);
        Assert.True(verified.ExitCode == 0, verified.Output + verified.Error);
    }

    [Fact]
    public async Task Copy_IntoADatabaseThatHoldsData_IsRefused()
    {
        await using var server = await TestPostgresDatabase.CreateAsync();
        using var tagwatch = new Tagwatch();
        Assert.Equal(0, (await tagwatch.RunAsync("tags", "add", "359339075010002")).ExitCode);
        Assert.Equal(0, (await tagwatch.RunAsync("tags", "add", "359339075010003", "--postgres", server.ConnectionString)).ExitCode);

        var copy = await tagwatch.RunAsync("db", "copy", "--from", "sqlite:" + tagwatch.DatabasePath, "--to", "postgres:" + server.ConnectionString);

        Assert.Equal(1, copy.ExitCode);
        Assert.Contains("already holds data", copy.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "tagwatch.db", "--to", "postgres:Host=127.0.0.1", "sqlite:PATH")]
    [InlineData("--from", "sqlite:tagwatch.db", "--to", "Host=127.0.0.1", "postgres:CONNECTION")]
    public async Task Copy_WithoutTheKindOfEachSide_IsRefusedSayingHowToNameIt(string fromOption, string from, string toOption, string to, string expected)
    {
        using var tagwatch = new Tagwatch();

        var copy = await tagwatch.RunAsync("db", "copy", fromOption, from, toOption, to);

        Assert.Equal(2, copy.ExitCode);
        Assert.Contains(expected, copy.Error + copy.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copy_FromAMissingFile_IsRefusedNamingIt_AndCreatesNoFile()
    {
        using var tagwatch = new Tagwatch();

        var copy = await tagwatch.RunAsync("db", "copy", "--from", "sqlite:missing.db", "--to", "postgres:Host=127.0.0.1;Port=1");

        Assert.Equal(2, copy.ExitCode);
        Assert.Contains("missing.db", copy.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(tagwatch.WorkingDirectory, "missing.db")));
    }
}
