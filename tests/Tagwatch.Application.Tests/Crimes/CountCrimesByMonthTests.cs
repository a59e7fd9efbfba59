using NodaTime;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Crimes;

namespace Tagwatch.Application.Tests.Crimes;

public sealed class CountCrimesByMonthTests : IAsyncLifetime
{
    private static readonly Actor Reviewer = Actor.Unscoped("rae.reviewer", Role.MatchReviewer);

    private UseCaseHost _host = null!;

    private CountCrimesByMonth Count => _host.Get<CountCrimesByMonth>();

    public async ValueTask InitializeAsync()
    {
        _host = await UseCaseHost.StartAsync();
        // CR-* in Croydon, LA-* in Lambeth; LA-3 begins on 31 March at 23:30 UTC, which is already April in London.
        const string file = """
            crime_ref,category,lat,lon,committed_from,committed_to
            CR-1,robbery,51.3762,-0.0982,2019-02-18T10:00:00Z,2019-02-18T10:30:00Z
            LA-1,robbery,51.4613,-0.1156,2019-02-18T10:00:00Z,2019-02-18T10:30:00Z
            LA-2,robbery,51.4613,-0.1156,2019-03-05T10:00:00Z,2019-03-05T10:30:00Z
            LA-3,burglary_dwelling,51.4613,-0.1156,2019-03-31T23:30:00Z,2019-03-31T23:45:00Z

            """;
        var imported = await _host.Get<ImportCrimes>().ExecuteAsync(Reviewer, new ImportCrimesRequest(CrimeFileFormat.Tagwatch, new StringReader(file), Correlate: false), TestContext.Current.CancellationToken);
        Assert.Equal(4, imported.Value.Report.Accepted);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Execute_CountsEachCategoryPerUkMonthOverEveryMonthOfThePeriod()
    {
        var result = await Count.ExecuteAsync(Reviewer, new CountCrimesByMonthRequest(Instant.FromUtc(2019, 1, 15, 0, 0), Instant.FromUtc(2019, 4, 15, 0, 0)), TestContext.Current.CancellationToken);

        Assert.Equal([new YearMonth(2019, 1), new YearMonth(2019, 2), new YearMonth(2019, 3), new YearMonth(2019, 4)], result.Value.Months);
        Assert.Equal(
            [new CrimeMonthCount(new YearMonth(2019, 2), CrimeCategory.Robbery, 2), new CrimeMonthCount(new YearMonth(2019, 3), CrimeCategory.Robbery, 1), new CrimeMonthCount(new YearMonth(2019, 4), CrimeCategory.BurglaryDwelling, 1)],
            result.Value.Counts);
    }

    [Fact]
    public async Task Execute_APeriodEndingAtAMonthsFirstMoment_DoesNotCountThatMonth()
    {
        var result = await Count.ExecuteAsync(Reviewer, new CountCrimesByMonthRequest(Instant.FromUtc(2019, 2, 1, 0, 0), Instant.FromUtc(2019, 3, 1, 0, 0)), TestContext.Current.CancellationToken);

        Assert.Equal([new YearMonth(2019, 2)], result.Value.Months);
    }

    [Fact]
    public async Task Execute_PoliceCountTheCrimesOfTheirBoroughsOnly()
    {
        var police = new Actor("sam.police", Role.Police, new HashSet<string> { "E09000008" }, new HashSet<string>());

        var result = await Count.ExecuteAsync(police, new CountCrimesByMonthRequest(null, null), TestContext.Current.CancellationToken);

        Assert.Equal([new CrimeMonthCount(new YearMonth(2019, 2), CrimeCategory.Robbery, 1)], result.Value.Counts);
    }

    [Fact]
    public async Task Execute_ACategoryFilter_CountsThatCategoryOnly()
    {
        var result = await Count.ExecuteAsync(Reviewer, new CountCrimesByMonthRequest(null, null, Category: CrimeCategory.BurglaryDwelling), TestContext.Current.CancellationToken);

        Assert.Equal([new CrimeMonthCount(new YearMonth(2019, 4), CrimeCategory.BurglaryDwelling, 1)], result.Value.Counts);
    }

    [Fact]
    public async Task Execute_MoreThanAYear_IsInvalidNamingTo()
    {
        var from = Instant.FromUtc(2019, 1, 1, 0, 0);
        var result = await Count.ExecuteAsync(Reviewer, new CountCrimesByMonthRequest(from, from + Duration.FromDays(367)), TestContext.Current.CancellationToken);

        Assert.Equal((FailureKind.Invalid, "to"), (result.Failure?.Kind, result.Failure?.Field));
    }

    [Fact]
    public async Task Execute_ARoleThatDoesNotManageCrimes_IsForbidden()
    {
        var result = await Count.ExecuteAsync(Actor.Unscoped("eve.evaluator", Role.Evaluator), new CountCrimesByMonthRequest(null, null), TestContext.Current.CancellationToken);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
    }
}
