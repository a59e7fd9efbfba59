using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Hosting;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Storage;
using Tagwatch.Storage.Postgres;
using Tagwatch.Storage.Postgres.Copy;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch db copy --from sqlite:PATH --to postgres:CONNECTION</c>: moves a pilot from its SQLite file to an
/// empty PostgreSQL database, verifying every count and the audit chain.</summary>
internal sealed class DbCopyCommand : AsyncCommand<DbCopyCommand.Settings>
{
    private const string SqlitePrefix = "sqlite:";
    private const string PostgresPrefix = "postgres:";

    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--from <SOURCE>")]
        [Description("The SQLite file to copy: sqlite:PATH (it must exist; it is only read).")]
        public string? From { get; init; }

        [CommandOption("--to <DESTINATION>")]
        [Description("The PostgreSQL database to fill: postgres:CONNECTION (created schema, no data yet).")]
        public string? To { get; init; }

        public override ValidationResult Validate()
        {
            if (From is null || !From.StartsWith(SqlitePrefix, StringComparison.Ordinal) || From.Length == SqlitePrefix.Length)
            {
                return ValidationResult.Error("--from must name the SQLite file as sqlite:PATH");
            }

            return To is null || !To.StartsWith(PostgresPrefix, StringComparison.Ordinal) || To.Length == PostgresPrefix.Length
                ? ValidationResult.Error("--to must name the PostgreSQL database as postgres:CONNECTION (e.g. postgres:Host=db;Database=tagwatch;Username=tagwatch)")
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string path = CliContext.Current.FullPath(settings.From![SqlitePrefix.Length..]);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"--from: there is no SQLite file at {path}");
        }

        var clock = CliContext.Current.Clock;
        var source = await Workspace.OpenAsync(DatabaseLocation.Sqlite(path), clock, cancellationToken);
        var destination = await Workspace.OpenAsync(DatabaseLocation.Postgres(settings.To![PostgresPrefix.Length..]), clock, cancellationToken);
        try
        {
            var copy = new DatabaseCopy((TagwatchDatabase)source.Database, source.Provider, (PostgresDatabase)destination.Database, destination.Provider);
            var report = await copy.RunAsync(new Progress<string>(step => CliContext.Current.Error.WriteLine(step)), cancellationToken);
            var table = new Table().AddColumns("table", "SQLite", "PostgreSQL");
            foreach (var count in report.Tables.Where(t => t.Source > 0))
            {
                table.AddRow(count.Table, Number(count.Source), Number(count.Destination));
            }

            table.AddRow("fixes", Number(report.Fixes.Source), Number(report.Fixes.Destination));
            CliContext.Current.Console.Write(table);
            CliContext.Current.Console.MarkupLine(
                $"Copied {Markup.Escape(source.Description)} to {Markup.Escape(destination.Description)}: every count equal; "
                + $"audit chain of {Number(report.AuditEntries)} records intact to record {report.AuditHead.Sequence}; {report.Keys} data-protection keys.");
        }
        finally
        {
            await ((IAsyncDisposable)destination.Database).DisposeAsync();
        }

        return ExitCodes.Ok;
    }

    private static string Number(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
