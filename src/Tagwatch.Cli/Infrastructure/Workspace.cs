using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application;
using Tagwatch.Application.Accounts;
using Tagwatch.Storage;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>Opens the services on the database a command's settings name, composed with the console's settings.</summary>
internal static class Workspace
{
    public static async Task<TagwatchServices> OpenAsync(DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var configuration = AppSettings.Read();
        var database = await TagwatchDatabase.OpenAsync(settings.DatabasePath, cancellationToken);
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(AppSettings.Quality(configuration));
        // Scope grants made at the console wait for a second administrator as the server's do, unless switched off alike.
        services.AddSingleton(new AccountApprovalOptions(AppSettings.RequireSecondApproval(configuration)));
        services.AddTagwatchApplication();
        services.AddTagwatchSqlite(database);
        return new TagwatchServices(services.BuildServiceProvider());
    }
}
