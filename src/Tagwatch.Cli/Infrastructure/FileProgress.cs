using Tagwatch.Cli.Hosting;
using Spectre.Console;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>Shows a progress bar for work that reads a file, when a person is watching a terminal.</summary>
internal static class FileProgress
{
    public static bool IsInteractive => CliContext.Current.IsProcess && !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="work"/>, showing how far through <paramref name="stream"/> it has read.</summary>
    public static async Task<T> RunAsync<T>(string label, Stream stream, bool show, Func<Task<T>> work)
    {
        if (!show || !IsInteractive || !stream.CanSeek)
        {
            return await work();
        }

        return await CliContext.Current.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(label, maxValue: Math.Max(1, stream.Length));
                var running = Task.Run(work);
                while (!running.IsCompleted)
                {
                    task.Value = stream.CanSeek ? stream.Position : task.Value;
                    await Task.WhenAny(running, Task.Delay(100));
                }

                task.Value = task.MaxValue;
                return await running;
            });
    }
}
