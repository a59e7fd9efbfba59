namespace Tagwatch.Cli.Tests;

public sealed class RetentionCommandsTests
{
    [Fact]
    public async Task Lift_without_a_reason_is_refused_and_the_hold_stands_with_one_the_reason_is_audited()
    {
        using var tagwatch = new Tagwatch();
        string db = tagwatch.DatabasePath;
        var enrolled = await tagwatch.RunAsync(
            "offenders", "enrol", "--db", db, "--given-name", "Sam", "--family-name", "Example", "--dob", "1998-05-01",
            "--offence", "robbery", "--custodial", "--gps-condition", "--licence-start", "2019-03-01", "--licence-end", "2020-09-01",
            "--home-lat", "51.4613", "--home-lon", "-0.1156", "--risk-tier", "high");
        Assert.Equal(0, enrolled.ExitCode);
        Assert.Equal(0, (await tagwatch.RunAsync("retention", "hold", "TW-00001", "--reason", "appeal pending", "--db", db)).ExitCode);

        var bare = await tagwatch.RunAsync("retention", "lift", "TW-00001", "--db", db);
        var standing = await tagwatch.RunAsync("retention", "holds", "--db", db);
        var lifted = await tagwatch.RunAsync("retention", "lift", "TW-00001", "--reason", "appeal dismissed", "--db", db);
        var audit = await tagwatch.RunAsync("audit", "export", "--action", "legal.hold", "--db", db);

        Assert.NotEqual(0, bare.ExitCode);
        Assert.Contains("lifting a legal hold states why", bare.Output + bare.Error, StringComparison.Ordinal);
        Assert.Contains("standing", standing.Output, StringComparison.Ordinal);
        Assert.Equal(0, lifted.ExitCode);
        string last = audit.Output.Trim().Split('\n')[^1];
        Assert.Contains("\"data\":\"legal hold lifted\"", last, StringComparison.Ordinal);
        Assert.Contains("\"purpose\":\"appeal dismissed\"", last, StringComparison.Ordinal);
    }
}
