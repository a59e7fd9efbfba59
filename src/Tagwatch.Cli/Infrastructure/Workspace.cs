using Tagwatch.Storage;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>Opens the services on the database a command's settings name.</summary>
internal static class Workspace
{
    public static Task<TagwatchServices> OpenAsync(DatabaseSettings settings, CancellationToken cancellationToken) =>
        TagwatchServices.OpenAsync(settings.DatabasePath, TimeProvider.System, AppSettings.Quality(AppSettings.Read()), cancellationToken);
}
