using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console.Cli;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>Settings every database command shares: which SQLite file to use.</summary>
internal class DatabaseSettings : CommandSettings
{
    /// <summary>Environment variable naming the database when --db is not given.</summary>
    public const string EnvironmentVariable = "TAGWATCH_DB";

    [CommandOption("--db <PATH>")]
    [Description("SQLite database file (default: $TAGWATCH_DB, else ./tagwatch.db). Created and migrated on first use.")]
    public string? Db { get; init; }

    /// <summary>The database path after applying the environment and the default.</summary>
    public string DatabasePath =>
        !string.IsNullOrWhiteSpace(Db) ? CliContext.Current.FullPath(Db)
        : CliContext.Current.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? CliContext.Current.FullPath(fromEnvironment)
        : CliContext.Current.FullPath("tagwatch.db");
}
