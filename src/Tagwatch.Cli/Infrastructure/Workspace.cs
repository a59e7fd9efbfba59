using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application;
using Tagwatch.Application.Accounts;
using Tagwatch.Cli.Hosting;
using Tagwatch.Storage;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>
/// The application core on the database a command names, composed as the server composes it (the use cases on the
/// stores' interfaces) with the console's settings. A command resolves the one use case it runs from <see cref="Provider"/>.
/// </summary>
internal sealed class Workspace(ServiceProvider provider, ITagwatchDatabase database)
{
    /// <summary>The composed application: use cases and the interfaces they are built on.</summary>
    public IServiceProvider Provider => provider;

    /// <summary>The database opened (SQLite file or PostgreSQL).</summary>
    public ITagwatchDatabase Database => database;

    /// <summary>The database opened, for messages: "SQLite /path/tagwatch.db" or "PostgreSQL host:port/name".</summary>
    public string Description => database.Description;

    public static Task<Workspace> OpenAsync(DatabaseSettings settings, CancellationToken cancellationToken) =>
        OpenAsync(settings.Location, CliContext.Current.Clock, cancellationToken);

    /// <summary>Opens (creating or migrating) the SQLite database at <paramref name="path"/>, the use cases taking time from <paramref name="clock"/>.</summary>
    public static Task<Workspace> OpenAsync(string path, TimeProvider clock, CancellationToken cancellationToken) =>
        OpenAsync(DatabaseLocation.Sqlite(path), clock, cancellationToken);

    /// <summary>Opens (creating or migrating) the database at <paramref name="location"/>, the use cases taking time from <paramref name="clock"/>.</summary>
    public static async Task<Workspace> OpenAsync(DatabaseLocation location, TimeProvider clock, CancellationToken cancellationToken)
    {
        var configuration = AppSettings.Read();
        var database = await location.OpenAsync(cancellationToken);
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddSingleton(AppSettings.Quality(configuration));
        // Scope grants made at the console wait for a second administrator as the server's do, unless switched off alike.
        services.AddSingleton(new AccountApprovalOptions(AppSettings.RequireSecondApproval(configuration)));
        services.AddTagwatchApplication();
        database.AddStores(services);
        return new Workspace(services.BuildServiceProvider(), database);
    }

    /// <summary>The one service of type <typeparamref name="T"/>.</summary>
    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();
}
