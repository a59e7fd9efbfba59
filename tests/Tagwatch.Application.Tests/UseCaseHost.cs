using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Tagwatch.Application;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Core.Tags;
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

    /// <summary>Enrols a person through the offender service: knife possession, licence March to December 2019, medium
    /// risk, released to <paramref name="home"/> (central Croydon when not given).</summary>
    public async Task<Offender> EnrolAsync(string familyName = "Example", GeoPoint? home = null)
    {
        var enrolled = await Get<OffenderService>().EnrolAsync(new EnrolmentRequest
        {
            Person = new PersonalDetails("Sam", familyName, new LocalDate(1995, 1, 1)),
            IndexOffences = [IndexOffence.WeaponPossession],
            CustodialSentenceServed = true,
            GpsLicenceCondition = true,
            LicenceStart = new LocalDate(2019, 3, 1),
            LicenceEnd = new LocalDate(2019, 12, 31),
            ReleaseAddress = home ?? new GeoPoint(51.3762, -0.0982),
            RiskTier = RiskTier.Medium,
        });
        return enrolled.Offender ?? throw new InvalidOperationException($"not enrolled: {string.Join("; ", enrolled.Decision.Refusals.Select(r => r.Reason))}");
    }

    /// <summary>Registers <paramref name="tag"/> (OsmAnd) and fits it to <paramref name="offender"/> from <paramref name="from"/>.</summary>
    public async Task FitAsync(TagId tag, Offender offender, Instant from)
    {
        var tags = Get<ITagDirectory>();
        await tags.RegisterAsync([new Tag(tag, "osmand", null)]);
        await tags.AssignAsync(tag, offender.Id, from);
    }

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
