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
internal sealed class Workspace(ServiceProvider provider, TagwatchDatabase database)
{
    /// <summary>The composed application: use cases and the interfaces they are built on.</summary>
    public IServiceProvider Provider => provider;

    /// <summary>The database file opened.</summary>
    public string DatabasePath => database.Path;

    public static Task<Workspace> OpenAsync(DatabaseSettings settings, CancellationToken cancellationToken) =>
        OpenAsync(settings.DatabasePath, CliContext.Current.Clock, cancellationToken);

    /// <summary>Opens (creating or migrating) the database at <paramref name="path"/>, the use cases taking time from <paramref name="clock"/>.</summary>
    public static async Task<Workspace> OpenAsync(string path, TimeProvider clock, CancellationToken cancellationToken)
    {
        var configuration = AppSettings.Read();
        var database = await TagwatchDatabase.OpenAsync(path, cancellationToken);
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddSingleton(AppSettings.Quality(configuration));
        // Scope grants made at the console wait for a second administrator as the server's do, unless switched off alike.
        services.AddSingleton(new AccountApprovalOptions(AppSettings.RequireSecondApproval(configuration)));
        services.AddTagwatchApplication();
        services.AddTagwatchSqlite(database);
        return new Workspace(services.BuildServiceProvider(), database);
    }

    /// <summary>The one service of type <typeparamref name="T"/>.</summary>
    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();
}
