using NodaTime;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Tests.Crimes;

public sealed class ListCrimesTests : IAsyncLifetime
{
    private static readonly Instant Day = Instant.FromUtc(2019, 2, 18, 0, 0);
    private static readonly Actor Reviewer = Actor.Unscoped("rae.reviewer", Role.MatchReviewer);

    private UseCaseHost _host = null!;

    private ListCrimes List => _host.Get<ListCrimes>();

    public async ValueTask InitializeAsync()
    {
        _host = await UseCaseHost.StartAsync();
        const string file = """
            crime_ref,category,lat,lon,committed_from,committed_to
            CR-1,robbery,51.3762,-0.0982,2019-02-18T10:00:00Z,2019-02-18T10:30:00Z
            LA-1,robbery,51.4613,-0.1156,2019-02-18T10:00:00Z,2019-02-18T10:30:00Z

            """;
        var imported = await _host.Get<ImportCrimes>().ExecuteAsync(Reviewer, new ImportCrimesRequest(CrimeFileFormat.Tagwatch, new StringReader(file), Correlate: false), TestContext.Current.CancellationToken);
        Assert.Equal(2, imported.Value.Report.Accepted);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Execute_PoliceSeeTheCrimesOfTheirBoroughsAndTheHubSeesAll()
    {
        var police = new Actor("sam.police", Role.Police, new HashSet<string> { "E09000022" }, new HashSet<string>());

        var theirs = await List.ExecuteAsync(police, new ListCrimesRequest(Day, Day + Duration.FromDays(1)), TestContext.Current.CancellationToken);
        var all = await List.ExecuteAsync(Reviewer, new ListCrimesRequest(Day, Day + Duration.FromDays(1)), TestContext.Current.CancellationToken);

        Assert.Equal(["LA-1"], theirs.Value.Crimes.Select(c => c.Reference));
        Assert.Equal(["CR-1", "LA-1"], all.Value.Crimes.Select(c => c.Reference).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Execute_SortsByTheFieldAskedAndPages()
    {
        var period = (From: Day, To: Day + Duration.FromDays(1));

        var first = await List.ExecuteAsync(Reviewer, new ListCrimesRequest(period.From, period.To, Sort: CrimeSort.Reference, Descending: true, Page: 1, PageSize: 1), TestContext.Current.CancellationToken);
        var second = await List.ExecuteAsync(Reviewer, new ListCrimesRequest(period.From, period.To, Sort: CrimeSort.Reference, Descending: true, Page: 2, PageSize: 1), TestContext.Current.CancellationToken);
        var byBorough = await List.ExecuteAsync(Reviewer, new ListCrimesRequest(period.From, period.To, Sort: CrimeSort.Borough), TestContext.Current.CancellationToken);

        Assert.Equal(["LA-1"], first.Value.Crimes.Select(c => c.Reference));
        Assert.Equal(2, first.Value.Total);
        Assert.Equal(["CR-1"], second.Value.Crimes.Select(c => c.Reference));
        // Croydon is E09000008, Lambeth E09000022.
        Assert.Equal(["CR-1", "LA-1"], byBorough.Value.Crimes.Select(c => c.Reference));
    }

    [Fact]
    public async Task Execute_ABoroughFilter_ListsThatBoroughOnly()
    {
        var result = await List.ExecuteAsync(Reviewer, new ListCrimesRequest(Day, Day + Duration.FromDays(1), Borough: "E09000022"), TestContext.Current.CancellationToken);

        Assert.Equal(["LA-1"], result.Value.Crimes.Select(c => c.Reference));
        Assert.Equal(1, result.Value.Total);
    }

    [Fact]
    public async Task Execute_NoPeriod_ListsTheLatestMonthOfCrimesHeld()
    {
        var result = await List.ExecuteAsync(Reviewer, new ListCrimesRequest(null, null), TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Value.Total);
        Assert.Equal(Instant.FromUtc(2019, 2, 18, 10, 30), result.Value.To);
        Assert.Equal(result.Value.To - ListCrimes.DefaultRange, result.Value.From);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 0)]
    [InlineData(1, ListCrimes.MaxPageSize + 1)]
    public async Task Execute_AMeaninglessPage_IsInvalid(int page, int size)
    {
        var result = await List.ExecuteAsync(Reviewer, new ListCrimesRequest(Day, Day + Duration.FromDays(1), Page: page, PageSize: size), TestContext.Current.CancellationToken);

        Assert.Equal(FailureKind.Invalid, result.Failure?.Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(93)]
    public async Task Execute_AnEmptyOrTooLongRange_IsInvalidNamingTo(int days)
    {
        var result = await List.ExecuteAsync(Reviewer, new ListCrimesRequest(Day, Day + Duration.FromDays(days)), TestContext.Current.CancellationToken);

        Assert.Equal((FailureKind.Invalid, "to"), (result.Failure?.Kind, result.Failure?.Field));
    }

    [Fact]
    public async Task Execute_ARoleThatDoesNotManageCrimes_IsForbidden()
    {
        var result = await List.ExecuteAsync(Actor.Unscoped("eve.evaluator", Role.Evaluator), new ListCrimesRequest(Day, Day + Duration.FromDays(1)), TestContext.Current.CancellationToken);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
    }
}
