using NodaTime;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Geo;

namespace Tagwatch.Application.Tests.Crimes;

public sealed class ListAreaCrimesTests : IAsyncLifetime
{
    private const string Lambeth = "E09000022";
    private const string Croydon = "E09000008";

    private static readonly Actor Reviewer = Actor.Unscoped("rae.reviewer", Role.MatchReviewer);
    private static readonly Actor LambethPolice = new("sam.police", Role.Police, new HashSet<string> { Lambeth }, new HashSet<string>());

    private UseCaseHost _host = null!;

    private ListAreaCrimes List => _host.Get<ListAreaCrimes>();

    public async ValueTask InitializeAsync()
    {
        _host = await UseCaseHost.StartAsync();
        // Lambeth: three crimes on one snapped point (two burglaries, a robbery) and one on another, in February; one in
        // March. Croydon: one in February. One February row outside London and one with no map point.
        AreaCrime[] rows =
        [
            Row(2019, 2, 51.4613, -0.1156, "Burglary", Lambeth),
            Row(2019, 2, 51.4613, -0.1156, "Burglary", Lambeth),
            Row(2019, 2, 51.4613, -0.1156, "Robbery", Lambeth),
            Row(2019, 2, 51.4700, -0.1200, "Drugs", Lambeth),
            Row(2019, 3, 51.4613, -0.1156, "Robbery", Lambeth),
            Row(2019, 2, 51.3762, -0.0982, "Burglary", Croydon),
            Row(2019, 2, 51.2798, 1.0789, "Burglary", null),
            Row(2019, 2, null, null, "Burglary", Lambeth),
        ];
        Assert.Equal(rows.Length, await _host.Get<ICrimeStore>().AddAreaCrimesAsync(rows, TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static AreaCrime Row(int year, int month, double? lat, double? lon, string type, string? borough) => new()
    {
        Month = new YearMonth(year, month),
        ReportedBy = "Metropolitan Police Service",
        Position = lat is null ? null : new GeoPoint(lat.Value, lon!.Value),
        CrimeType = type,
        BoroughCode = borough,
        Location = $"On or near {type} Street",
    };

    private Task<UseCaseResult<AreaCrimePlaces>> ListAsync(Actor actor, ListAreaCrimesRequest request) =>
        List.ExecuteAsync(actor, request, TestContext.Current.CancellationToken);

    private static readonly YearMonth February = new(2019, 2);
    private static readonly YearMonth March = new(2019, 3);

    [Fact]
    public async Task Execute_CountsTheCrimesOfEachMapPointPerType_BusiestFirst()
    {
        var result = await ListAsync(Reviewer, new ListAreaCrimesRequest(February, February, Lambeth));

        var busiest = result.Value.Places[0];
        Assert.Equal((51.4613, -0.1156, 3), (busiest.Latitude, busiest.Longitude, busiest.Crimes));
        Assert.Equal([new AreaCrimeTypeCount("Burglary", 2), new AreaCrimeTypeCount("Robbery", 1)], busiest.ByType);
        Assert.Equal(2, result.Value.Places.Count);
        Assert.Equal((4, 4, false), (result.Value.ShownCrimes, result.Value.TotalCrimes, result.Value.Capped));
    }

    [Fact]
    public async Task Execute_TheHubSeesEveryBoroughAndOutsideLondon_OverTheMonthsAsked()
    {
        var february = await ListAsync(Reviewer, new ListAreaCrimesRequest(February, February));
        var both = await ListAsync(Reviewer, new ListAreaCrimesRequest(February, March));

        Assert.Equal(6, february.Value.TotalCrimes);
        Assert.Equal(7, both.Value.TotalCrimes);
    }

    [Fact]
    public async Task Execute_PoliceSeeTheirBoroughsOnly_AndNothingOfAnotherBoroughAsked()
    {
        var own = await ListAsync(LambethPolice, new ListAreaCrimesRequest(February, March));
        var other = await ListAsync(LambethPolice, new ListAreaCrimesRequest(February, March, Croydon));

        Assert.Equal(5, own.Value.TotalCrimes);
        Assert.All(own.Value.Places, p => Assert.True(p.Latitude > 51.45));
        Assert.True(other.Succeeded);
        Assert.Empty(other.Value.Places);
    }

    [Fact]
    public async Task Execute_FiltersByCrimeTypeInAnyCase_AndByMapBox()
    {
        var robbery = await ListAsync(Reviewer, new ListAreaCrimesRequest(February, March, CrimeType: "robbery"));
        var boxed = await ListAsync(Reviewer, new ListAreaCrimesRequest(February, February, Bounds: new AreaBounds(51.465, -0.13, 51.475, -0.11)));

        Assert.Equal(2, robbery.Value.TotalCrimes);
        Assert.Equal([("Robbery", 2)], robbery.Value.Places.SelectMany(p => p.ByType).GroupBy(t => t.CrimeType).Select(g => (g.Key, g.Sum(t => t.Count))));
        Assert.Equal([(51.47, -0.12, 1)], boxed.Value.Places.Select(p => (p.Latitude, p.Longitude, p.Crimes)));
    }

    [Fact]
    public async Task Execute_MorePlacesThanTheCap_ShowsTheBusiestAndSaysHowManyInAll()
    {
        var many = Enumerable.Range(0, ListAreaCrimes.MaxPlaces + 5)
            .Select(i => Row(2019, 4, 51.40 + (i * 0.00001), -0.10, "Drugs", Croydon)).ToList();
        await _host.Get<ICrimeStore>().AddAreaCrimesAsync(many, TestContext.Current.CancellationToken);

        var result = await ListAsync(Reviewer, new ListAreaCrimesRequest(new YearMonth(2019, 4), new YearMonth(2019, 4)));

        Assert.Equal(ListAreaCrimes.MaxPlaces, result.Value.Places.Count);
        Assert.Equal((ListAreaCrimes.MaxPlaces, ListAreaCrimes.MaxPlaces + 5, ListAreaCrimes.MaxPlaces + 5, true),
            (result.Value.ShownCrimes, result.Value.TotalCrimes, result.Value.TotalPlaces, result.Value.Capped));
    }

    [Theory]
    [InlineData(null, "2019-02", null, null, "from")]
    [InlineData("2019-02", null, null, null, "to")]
    [InlineData("2019-03", "2019-02", null, null, "to")]
    [InlineData("2019-01", "2020-01", null, null, "to")]
    [InlineData("2019-02", "2019-02", "Atlantis", null, "borough")]
    [InlineData("2019-02", "2019-02", null, "Jaywalking", "crimeType")]
    public async Task Execute_BadInput_IsRefusedNamingTheField(string? from, string? to, string? borough, string? crimeType, string field)
    {
        var result = await ListAsync(Reviewer, new ListAreaCrimesRequest(Month(from), Month(to), borough, crimeType));

        Assert.False(result.Succeeded);
        Assert.Equal((FailureKind.Invalid, field), (result.Failure!.Kind, result.Failure.Field));
    }

    [Fact]
    public async Task Execute_AnInvertedMapBox_IsRefusedNamingTheEdge()
    {
        var result = await ListAsync(Reviewer, new ListAreaCrimesRequest(February, February, Bounds: new AreaBounds(51.5, -0.1, 51.4, 0)));

        Assert.Equal((FailureKind.Invalid, "north"), (result.Failure!.Kind, result.Failure.Field));
    }

    [Fact]
    public async Task Execute_ARoleWithoutCrimeAccess_IsForbidden()
    {
        var result = await ListAsync(Actor.Unscoped("eve.evaluator", Role.Evaluator), new ListAreaCrimesRequest(February, February));

        Assert.Equal(FailureKind.Forbidden, result.Failure!.Kind);
    }

    private static YearMonth? Month(string? text) => text is null ? null : NodaTime.Text.YearMonthPattern.Iso.Parse(text).Value;
}
