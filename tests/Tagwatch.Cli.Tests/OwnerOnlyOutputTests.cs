namespace Tagwatch.Cli.Tests;

/// <summary>What the command writes — the database and files given to --out — is readable by its owner alone.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // skipped there: Windows has no Unix modes
public sealed class OwnerOnlyOutputTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_database_and_an_export_written_with_out_are_owner_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        using var tagwatch = new Tagwatch();
        string db = tagwatch.DatabasePath;
        string export = Path.Combine(tagwatch.WorkingDirectory, "audit.jsonl");
        Assert.Equal(0, (await tagwatch.RunAsync("users", "add", "--username", "ada.admin", "--role", "administrator", "--db", db)).ExitCode);

        var exported = await tagwatch.RunAsync("audit", "export", "--out", export, "--db", db);

        Assert.Equal(0, exported.ExitCode);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(export));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(db));
    }
}
