using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Correlation;
using Tagwatch.Core.Access;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Protocols.Crimes;
using Tagwatch.Protocols.Devices.Gt06;
using Tagwatch.Storage;
using Tagwatch.Storage.Accounts;
using Tagwatch.Tests;

namespace Tagwatch.Server.Tests;

/// <summary>Correlation work waiting when the server stops is not lost: fixes acknowledged, crimes committed and runs
/// cut short are taken up by the next server on the same database.</summary>
public sealed class DurableCorrelationTests : IDisposable
{
    private static readonly GeoPoint Spot = new(51.4613, -0.1156); // Brixton
    private static readonly TagId Tag = TagId.Parse(RunningServer.Gt06Imei);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tagwatch-durable-tests", Guid.NewGuid().ToString("N"));
    private readonly Instant _now = Instant.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());

    public DurableCorrelationTests() => Directory.CreateDirectory(_directory);

    private Instant CrimeAt => _now - Duration.FromMinutes(20);

    [Fact]
    public async Task FixesAcknowledgedBeforeAStop_AreCorrelatedByTheNextServerOnTheSameFile()
    {
        await using (var first = await RunningServer.StartAsync(directory: _directory))
        {
            await EnrolAndFitAsync(first.Services);
            await ImportCrimeAsync(first.Services);
            await first.Services.PendingCorrelation.RunCrimesAsync("test"); // the import's own check, as the API does: no fixes yet

            // The tag uploads the half hour around the crime; every fix is acknowledged (committed) before the server
            // stops, well before its correlation worker's next pass a minute later.
            using var device = await RunningServer.ConnectAsync(first.Options.Gt06Port);
            await device.GetStream().WriteAsync(Gt06Frames.Login(RunningServer.Gt06Imei, 1));
            await device.ReadExactlyAsync(10);
            for (int minute = -15; minute <= 15; minute++)
            {
                await device.GetStream().WriteAsync(Gt06Frames.Location(CrimeAt + Duration.FromMinutes(minute), Spot.Latitude, Spot.Longitude, 0, 0, true, minute + 100));
                await device.ReadExactlyAsync(10);
            }
        }

        var stopped = await TagwatchServices.OpenAsync(Path.Combine(_directory, "tagwatch.db"), TimeProvider.System);
        Assert.Empty(await stopped.Matches.ListMatchesAsync());

        await using var second = await RunningServer.StartAsync(directory: _directory);

        var match = await MatchAsync(second);
        Assert.Equal(Tag.Value, match.Tag);
    }

    [Fact]
    public async Task CrimesCommittedByAnImportStoppedBeforeItsCorrelation_AreCorrelatedAtTheNextStart()
    {
        var services = await TagwatchServices.OpenAsync(Path.Combine(_directory, "tagwatch.db"), TimeProvider.System);
        await services.Tags.RegisterAsync([new Core.Tags.Tag(Tag, "gt06", null)]);
        await EnrolAndFitAsync(services);
        await services.Fixes.AppendAsync(new Dictionary<TagId, List<Core.Fixes.Fix>>
        {
            [Tag] = [.. Enumerable.Range(-15, 31).Select(m => Core.Fixes.Fix.Create(CrimeAt + Duration.FromMinutes(m), _now, Spot, 6))],
        });

        // The import commits and its process dies before correlating; importing the file again finds only duplicates.
        await ImportCrimeAsync(services);
        var again = await ImportCrimeAsync(services);
        Assert.Equal((0, 1), (again.Accepted, again.Duplicates));
        Assert.Empty(await services.Matches.ListMatchesAsync());

        await using var server = await RunningServer.StartAsync(directory: _directory);

        var match = await MatchAsync(server);
        Assert.Equal(Tag.Value, match.Tag);
    }

    [Fact]
    public async Task RunLeftUnfinishedByAStoppedProcess_IsListedInterruptedAfterTheNextStart()
    {
        var services = await TagwatchServices.OpenAsync(Path.Combine(_directory, "tagwatch.db"), TimeProvider.System);
        var cutShort = new CorrelationRun
        {
            Mode = "scored", Trigger = "manual", RequestedBy = "rae.reviewer", AlgorithmVersion = "test", ParametersJson = "{}",
            DataFrom = _now - Duration.FromDays(1), DataTo = _now, Started = _now - Duration.FromMinutes(5),
        };
        await services.Matches.RecordRunAsync(cutShort);

        await using var server = await RunningServer.StartAsync(directory: _directory);
        var accounts = server.App.Services.GetRequiredService<UserAccounts>();
        await accounts.CreateAsync(new NewUser("rae.reviewer", Role.MatchReviewer, [], []), "correct horse battery staple");
        var (_, secret) = await accounts.CreateTokenAsync("rae.reviewer", "tests", TimeSpan.FromHours(1));
        using var reviewer = new HttpClient { BaseAddress = server.Api.BaseAddress };
        reviewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        using var runs = JsonDocument.Parse(await reviewer.GetStringAsync(new Uri("/api/v1/correlation/runs", UriKind.Relative)));

        var listed = Assert.Single(runs.RootElement.EnumerateArray(), r => r.GetProperty("id").GetGuid() == cutShort.Id);
        Assert.Equal("interrupted", listed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("finished").ValueKind);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS
        }
    }

    private async Task EnrolAndFitAsync(TagwatchServices services)
    {
        var today = _now.InUtc().Date;
        var scheme = await services.OffenderStore.GetSchemeAsync();
        await services.OffenderStore.SaveSchemeAsync(scheme with { StartDate = today.PlusMonths(-1) });
        var enrolled = await services.Offenders.EnrolAsync(EligibleEnrolment.Of(today.PlusDays(-1), today.PlusMonths(6)));
        Assert.True(enrolled.Offender is not null, string.Join("; ", enrolled.Decision.Refusals.Select(r => r.Reason)));
        await services.Tags.AssignAsync(Tag, enrolled.Offender!.Id, _now - Duration.FromDays(1));
    }

    private Task<Application.Imports.ImportReport> ImportCrimeAsync(TagwatchServices services)
    {
        string csv = string.Create(CultureInfo.InvariantCulture,
            $"crime_ref,category,lat,lon,committed_from,committed_to\nDUR-1,robbery,{Spot.Latitude},{Spot.Longitude},{CrimeAt - Duration.FromMinutes(5)},{CrimeAt + Duration.FromMinutes(5)}\n");
        return services.CrimeImporter.ImportAsync(TagwatchCrimeCsvReader.Read(new StringReader(csv), PoliceForce.Metropolitan));
    }

    // The worker runs its first pass beside start-up: wait for that pass, then read what it stored.
    private static async Task<StoredMatch> MatchAsync(RunningServer server)
    {
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await server.Worker<Workers.CorrelationWorker>().Passes.WaitForAsync(1, hangGuard.Token);
        return Assert.Single(await server.Services.Matches.ListMatchesAsync(), m => m.CrimeReference == "DUR-1");
    }
}
