using Spectre.Console.Cli;

namespace Tagwatch.Cli.Hosting;

/// <summary>Runs the <c>tagwatch</c> program with a given context: the process's own, or one a test supplies.</summary>
internal static class CliHost
{
    public static async Task<int> RunAsync(CliContext context, string[] args)
    {
        using var scope = CliContext.Enter(context);
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.ConfigureConsole(context.Console);
            CommandLine.Configure(config);
        });
        return await app.RunAsync(CommandLine.HoistGlobalOptions(args));
    }
}
