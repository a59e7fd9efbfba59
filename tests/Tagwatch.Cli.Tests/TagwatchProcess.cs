using System.Diagnostics;

namespace Tagwatch.Cli.Tests;

/// <summary>Runs the real <c>tagwatch</c> executable in its own process, in a scratch folder, as a user would: for what only the
/// executable shows (start-up, exit codes, the server). Every other test runs the program in-process (<see cref="Tagwatch"/>).</summary>
internal sealed class TagwatchProcess : IDisposable
{
    public TagwatchProcess()
    {
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string WorkingDirectory { get; } = Path.Combine(Path.GetTempPath(), "tagwatch-cli-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(WorkingDirectory, "tagwatch.db");

    public sealed record Result(int ExitCode, string Output, string Error);

    public async Task<Result> RunAsync(string[] args, string? input = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tagwatch.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("TAGWATCH_DB");
        start.Environment["COLUMNS"] = "200";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
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
