using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tagwatch.Application;
using Tagwatch.Storage;

namespace Tagwatch.Application.Tests;

/// <summary>The application core composed as every door composes it, on a new SQLite file, with a clock the test drives.</summary>
internal sealed class UseCaseHost : IAsyncDisposable
{
    private readonly string _folder;
    private readonly ServiceProvider _provider;

    private UseCaseHost(string folder, ServiceProvider provider, FakeTimeProvider clock)
    {
        _folder = folder;
        _provider = provider;
        Clock = clock;
    }

    /// <summary>The clock every use case reads (starts at 2019-03-01 12:00 UTC).</summary>
    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _provider;

    public static async Task<UseCaseHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        string folder = Path.Combine(Path.GetTempPath(), "tagwatch-application-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var clock = new FakeTimeProvider(new DateTimeOffset(2019, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var database = await TagwatchDatabase.OpenAsync(Path.Combine(folder, "tagwatch.db"));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        configure?.Invoke(services);
        services.AddTagwatchApplication();
        services.AddTagwatchSqlite(database);
        return new UseCaseHost(folder, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), clock);
    }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by the OS is removed with the temporary folder later.
        }
    }
}
