using System.Collections;
using Spectre.Console;

namespace Tagwatch.Cli.Hosting;

/// <summary>
/// What one run of the program sees of the world: its console, standard streams, working folder and environment.
/// Commands read these here rather than from the process, so several runs can share one process (as the tests do)
/// without seeing each other's output, folder or variables.
/// </summary>
internal sealed class CliContext
{
    private static readonly AsyncLocal<CliContext?> Ambient = new();
    private static readonly Lazy<CliContext> Process = new(ForProcess);

    public CliContext(IAnsiConsole console, TextReader input, TextWriter output, TextWriter error, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, Func<Stream> openStandardOutput)
    {
        Console = console;
        In = input;
        Out = output;
        Error = error;
        WorkingDirectory = workingDirectory;
        Environment = environment;
        this.openStandardOutput = openStandardOutput;
    }

    private readonly Func<Stream> openStandardOutput;

    /// <summary>The context of the run in progress: the one <see cref="CliHost"/> started, else the process's own.</summary>
    public static CliContext Current => Ambient.Value ?? Process.Value;

    /// <summary>Whether this context is the process's own (its variables are the process's variables).</summary>
    public bool IsProcess => ReferenceEquals(this, Process.Value);

    public IAnsiConsole Console { get; }

    public TextReader In { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public string WorkingDirectory { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The time the commands' use cases see: the system clock, or a fixed one when the console runs inside a
    /// test that plays a scenario at a stated time, as the server takes its clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The value of an environment variable, or null.</summary>
    public string? GetEnvironmentVariable(string name) => Environment.TryGetValue(name, out string? value) ? value : null;

    /// <summary>A path as the user meant it: relative paths are taken from this run's working folder.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>Standard output as bytes, for binary or large streamed output.</summary>
    public Stream OpenStandardOutput() => openStandardOutput();

    /// <summary>Makes <paramref name="context"/> current for the calling flow until the returned scope is disposed.</summary>
    internal static IDisposable Enter(CliContext context)
    {
        var previous = Ambient.Value;
        Ambient.Value = context;
        return new Scope(() => Ambient.Value = previous);
    }

    private static CliContext ForProcess()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string ?? "";
        }

        return new CliContext(AnsiConsole.Console, System.Console.In, System.Console.Out, System.Console.Error,
            Directory.GetCurrentDirectory(), variables, System.Console.OpenStandardOutput);
    }

    private sealed class Scope(Action exit) : IDisposable
    {
        public void Dispose() => exit();
    }
}
