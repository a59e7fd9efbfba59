using Spectre.Console;
using Tagwatch.Cli.Hosting;

namespace Tagwatch.Cli.Tests;

/// <summary>
/// Runs the <c>tagwatch</c> program inside the test process, in a scratch folder of its own, with its own console,
/// standard streams and environment: what a user would see, without starting a process per command, so tests run
/// side by side. What only the real executable shows is tested through <see cref="TagwatchProcess"/>.
/// </summary>
internal sealed class Tagwatch : IDisposable
{
    public Tagwatch()
    {
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string WorkingDirectory { get; } = Path.Combine(Path.GetTempPath(), "tagwatch-cli-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(WorkingDirectory, "tagwatch.db");

    public sealed record Result(int ExitCode, string Output, string Error);

    /// <param name="environment">The run's only environment variables (the test process's own are not seen).</param>
    public async Task<Result> RunAsync(string[] args, string? input = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var context = new CliContext(
            console, new StringReader(input ?? ""), output, error, WorkingDirectory,
            environment ?? new Dictionary<string, string>(), () => new TextWriterStream(output));

        // A thread of its own, so a command that blocks on I/O does not hold up the test's caller.
        int exitCode = await Task.Run(() => CliHost.RunAsync(context, args));
        return new Result(exitCode, output.ToString(), error.ToString());
    }

    public Task<Result> RunAsync(params string[] args) => RunAsync(args, null);

    public string Write(string name, string content)
    {
        string path = Path.Combine(WorkingDirectory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS
        }
    }
}
