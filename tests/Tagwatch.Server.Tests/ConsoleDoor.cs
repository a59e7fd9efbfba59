using System.Reflection;
using Spectre.Console;

namespace Tagwatch.Server.Tests;

/// <summary>
/// The <c>tagwatch</c> console run inside the test process, in a scratch folder of its own, as the console tests run it.
/// Its host is internal to the console project, so it is reached by reflection here; the exit code and both outputs come back.
/// </summary>
internal sealed class ConsoleDoor : IDisposable
{
    // The console project's assembly is named for its command.
    private static readonly Assembly Cli = Assembly.Load("tagwatch");

    /// <param name="clock">The time the console's commands see (the system clock when none is given).</param>
    public ConsoleDoor(TimeProvider? clock = null) => Clock = clock ?? TimeProvider.System;

    public TimeProvider Clock { get; }

    public string WorkingDirectory { get; } = RunningServer.NewDirectory();

    public string DatabasePath => Path.Combine(WorkingDirectory, "tagwatch.db");

    public sealed record Result(int ExitCode, string Output, string Error);

    public async Task<Result> RunAsync(params string[] args)
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
        var contextType = Cli.GetType("Tagwatch.Cli.Hosting.CliContext", throwOnError: true)!;
        var streamType = Cli.GetType("Tagwatch.Cli.Hosting.TextWriterStream", throwOnError: true)!;
        Func<Stream> stdout = () => (Stream)Activator.CreateInstance(streamType, output)!;
        object context = Activator.CreateInstance(
            contextType, console, new StringReader(""), output, error, WorkingDirectory, new Dictionary<string, string>(), stdout)!;
        contextType.GetProperty("Clock")!.SetValue(context, Clock);
        var run = Cli.GetType("Tagwatch.Cli.Hosting.CliHost", throwOnError: true)!.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Static)!;
        int exitCode = await Task.Run(() => (Task<int>)run.Invoke(null, [context, args])!);
        return new Result(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs a command that must succeed; its output.</summary>
    public async Task<string> OkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"tagwatch {string.Join(' ', args)} answered {result.ExitCode}: {result.Error}{result.Output}");
        return result.Output;
    }

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
