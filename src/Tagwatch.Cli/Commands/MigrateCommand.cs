using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Hosting;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch migrate [--db PATH | --postgres CONNECTION] [--json]</c>: brings the database's schema up to this
/// build (creating it when new) and reports its version — for SQLite and PostgreSQL alike.</summary>
/// <remarks>Every command migrates a database it opens; this one does only that, so an upgrade can migrate before the
/// servers are started (several nodes starting at once also wait for one another's migration).</remarks>
internal sealed class MigrateCommand : AsyncCommand<MigrateCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--json")]
        [Description("Print the database, its schema version and the migrations applied as JSON.")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var database = await settings.Location.OpenAsync(cancellationToken);
        try
        {
            var applied = await database.AppliedMigrationsAsync(cancellationToken);
            string version = applied.Count == 0 ? "none" : applied[^1];
            if (settings.Json)
            {
                CliContext.Current.Out.WriteLine(JsonSerializer.Serialize(new { database = database.Description, schema_version = version, migrations = applied }));
            }
            else
            {
                CliContext.Current.Console.MarkupLine($"{Markup.Escape(database.Description)}: schema version [bold]{Markup.Escape(version)}[/] ({applied.Count} migrations applied; up to date).");
            }
        }
        finally
        {
            if (database is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        return ExitCodes.Ok;
    }
}
