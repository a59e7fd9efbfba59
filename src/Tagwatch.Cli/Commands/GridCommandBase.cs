using Tagwatch.Cli.Hosting;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Geo;

namespace Tagwatch.Cli.Commands;

/// <summary>Shared shape of the grid commands: convert the arguments, or each line of standard input when there are none.</summary>
internal abstract class GridCommandBase : Command<GridCommandBase.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[VALUES]")]
        public string[] Values { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Values.Length > 0)
        {
            return Convert(string.Join(' ', settings.Values), out string output, out string? error)
                ? Print(output)
                : Fail(error!);
        }

        int failures = 0, lineNumber = 0;
        while (CliContext.Current.In.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (Convert(line, out string output, out string? error))
            {
                CliContext.Current.Out.WriteLine(output);
            }
            else
            {
                failures++;
                CliContext.Current.Error.WriteLine($"tagwatch: line {lineNumber}: {error}");
            }
        }

        return failures == 0 ? ExitCodes.Ok : ExitCodes.RowsRejected;
    }

    /// <summary>Converts one input (arguments joined by a space, or one line).</summary>
    protected abstract bool Convert(string input, out string output, out string? error);

    /// <summary>The note that ends a line converted by the Helmert fallback; nothing for OSTN15.</summary>
    protected static string FallbackSuffix(bool isHelmertFallback) => isHelmertFallback ? $" ({NationalGrid.HelmertFallbackNote})" : "";

    protected static string[] Split(string input) =>
        input.Split([' ', ',', '\t', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Print(string output)
    {
        CliContext.Current.Out.WriteLine(output);
        return ExitCodes.Ok;
    }

    private static int Fail(string error)
    {
        CliContext.Current.Error.WriteLine($"tagwatch: error: {error}");
        return ExitCodes.Usage;
    }
}
