using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Microsoft.Extensions.Configuration;
using Spectre.Console.Cli;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>Settings every database command shares: which database to use — a SQLite file (the default) or PostgreSQL.</summary>
/// <remarks>PostgreSQL is chosen by <c>--postgres</c>, or by configuration: <c>Storage:Provider=Postgres</c> with the
/// connection string in <c>ConnectionStrings:Tagwatch</c> (appsettings.json or the environment variables
/// <c>Storage__Provider</c> and <c>ConnectionStrings__Tagwatch</c>).</remarks>
internal class DatabaseSettings : CommandSettings
{
    /// <summary>Environment variable naming the database when --db is not given.</summary>
    public const string EnvironmentVariable = "TAGWATCH_DB";

    [CommandOption("--db <PATH>")]
    [Description("SQLite database file (default: $TAGWATCH_DB, else ./tagwatch.db). Created and migrated on first use.")]
    public string? Db { get; init; }

    [CommandOption("--postgres <CONNECTION>")]
    [Description("Use PostgreSQL instead of a SQLite file: an Npgsql connection string (\"Host=db;Database=tagwatch;Username=tagwatch\"; the password from ConnectionStrings:Tagwatch or PGPASSWORD rather than the command line). Migrated on first use.")]
    public string? Postgres { get; init; }

    /// <summary>The database path after applying the environment and the default.</summary>
    public string DatabasePath =>
        !string.IsNullOrWhiteSpace(Db) ? CliContext.Current.FullPath(Db)
        : CliContext.Current.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? CliContext.Current.FullPath(fromEnvironment)
        : CliContext.Current.FullPath("tagwatch.db");

    /// <summary>The database chosen by the options, then configuration, then the default SQLite file.</summary>
    /// <exception cref="ArgumentException">The choice contradicts itself or configuration names an unknown provider.</exception>
    public DatabaseLocation Location
    {
        get
        {
            var configuration = AppSettings.Read();
            string? nodeFolder = configuration["Storage:NodeFolder"] is { Length: > 0 } folder ? CliContext.Current.FullPath(folder) : null;
            if (!string.IsNullOrWhiteSpace(Postgres))
            {
                if (!string.IsNullOrWhiteSpace(Db))
                {
                    throw new ArgumentException("--db and --postgres name two databases: give one.");
                }

                return DatabaseLocation.Postgres(Postgres, nodeFolder);
            }

            string provider = configuration["Storage:Provider"] ?? "Sqlite";
            if (string.IsNullOrWhiteSpace(Db) && provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
            {
                return configuration.GetConnectionString("Tagwatch") is { Length: > 0 } connection
                    ? DatabaseLocation.Postgres(connection, nodeFolder)
                    : throw new ArgumentException("Storage:Provider is Postgres but ConnectionStrings:Tagwatch is not set (appsettings.json or the environment variable ConnectionStrings__Tagwatch).");
            }

            if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) && !provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Storage:Provider is '{provider}': it must be Sqlite or Postgres.");
            }

            return DatabaseLocation.Sqlite(DatabasePath);
        }
    }
}
