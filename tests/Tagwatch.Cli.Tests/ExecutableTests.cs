namespace Tagwatch.Cli.Tests;

/// <summary>The real executable: it starts, prints its help and reports a wrong command line by its exit code.</summary>
public sealed class ExecutableTests
{
    [Fact]
    public async Task Help_ListsTheCommands_AndSucceeds()
    {
        using var tagwatch = new TagwatchProcess();

        var help = await tagwatch.RunAsync("--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("import", help.Output, StringComparison.Ordinal);
        Assert.Contains("serve", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageError()
    {
        using var tagwatch = new TagwatchProcess();

        var wrong = await tagwatch.RunAsync("no-such-command");

        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("tagwatch: error:", wrong.Error, StringComparison.Ordinal);
    }
}
