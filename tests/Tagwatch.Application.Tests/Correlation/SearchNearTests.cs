using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Tags;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Core.Tags;

namespace Tagwatch.Application.Tests.Correlation;

public sealed class SearchNearTests : IAsyncLifetime
{
    private const string Croydon = "E09000008";
    private const string Lambeth = "E09000022";
    private const string Purpose = "robbery enquiry CR-9";
    private static readonly GeoPoint CroydonCentre = new(51.3762, -0.0982);
    private static readonly Instant Nine = Instant.FromUtc(2019, 3, 1, 9, 0);
    private static readonly TagId Tag = TagId.Parse("tag-1");

    private UseCaseHost _host = null!;
    private string _reference = "";

    private SearchNear Search => _host.Get<SearchNear>();

    public async ValueTask InitializeAsync()
    {
        _host = await UseCaseHost.StartAsync();
        var person = await _host.EnrolAsync(home: CroydonCentre);
        _reference = person.Reference.ToString();
        await _host.FitAsync(Tag, person, Nine - Duration.FromHours(1));
        var fixes = Enumerable.Range(0, 6).Select(i => Fix.Create(Nine + Duration.FromMinutes(10 * i), Nine + Duration.FromMinutes(10 * i), CroydonCentre, 5)).ToList();
        await _host.Get<IFixStore>().AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = fixes });
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Execute_ProbationForTheirCaseload_FindTheWearerAndTheSearchIsRecordedAndAudited()
    {
        var result = await Search.ExecuteAsync(Probation(_reference), Request(), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        var hit = Assert.Single(result.Value.Hits);
        Assert.Equal((Tag, _reference, 6), (hit.Tag, hit.OffenderReference, hit.Proximity.Count));
        var search = Assert.Single(await _host.Get<ILocationSearchLog>().ListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(("pat.probation", Purpose, 1), (search.RequestedBy, search.Purpose, search.Results));
        var record = Assert.Single(await AuditAsync());
        Assert.Equal(("ProbationOfficer", Purpose), (record.Event.ActorRole, record.Event.Purpose));
        Assert.EndsWith($"; 1 results: {_reference}", record.Event.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_ProbationForSomeoneElse_SeeNobodyInTheAnswer()
    {
        var result = await Search.ExecuteAsync(Probation("TW-99999"), Request(), TestContext.Current.CancellationToken);

        Assert.Empty(result.Value.Hits);
        Assert.EndsWith("; 0 results: ", Assert.Single(await AuditAsync()).Event.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_PoliceOfTheBorough_FindTheWearerWithinTheirLimits()
    {
        var result = await Search.ExecuteAsync(Police(Croydon), Request(), TestContext.Current.CancellationToken);

        Assert.Single(result.Value.Hits);
    }

    [Fact]
    public async Task Execute_PoliceOfAnotherBorough_AreForbiddenAndNothingIsSearchedOrRecorded()
    {
        var result = await Search.ExecuteAsync(Police(Lambeth), Request(), TestContext.Current.CancellationToken);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
        Assert.Empty(await _host.Get<ILocationSearchLog>().ListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await AuditAsync());
    }

    [Theory]
    [InlineData(3000, 2, Purpose, "radius")]
    [InlineData(500, 25, Purpose, "to")]
    [InlineData(500, 2, "too short", "purpose")]
    public async Task Execute_PoliceBeyondTheirLimitsOrWithoutAPurpose_IsInvalidNamingTheField(double radius, int hours, string purpose, string field)
    {
        var request = Request() with { RadiusMetres = radius, To = Nine + Duration.FromHours(hours), Purpose = purpose };

        var result = await Search.ExecuteAsync(Police(Croydon), request, TestContext.Current.CancellationToken);

        Assert.Equal((FailureKind.Invalid, field), (result.Failure?.Kind, result.Failure?.Field));
        Assert.Empty(await _host.Get<ILocationSearchLog>().ListAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(91, 0, 500, "latitude")]
    [InlineData(51.3762, -0.0982, double.NaN, "radius")]
    [InlineData(51.3762, -0.0982, 5001, "radius")]
    public async Task Execute_NoPlaceOnEarthOrNoRadius_IsInvalidNamingTheField(double latitude, double longitude, double radius, string field)
    {
        var result = await Search.ExecuteAsync(Probation(_reference), Request() with { Latitude = latitude, Longitude = longitude, RadiusMetres = radius }, TestContext.Current.CancellationToken);

        Assert.Equal((FailureKind.Invalid, field), (result.Failure?.Kind, result.Failure?.Field));
    }

    [Fact]
    public async Task Execute_ARoleWithoutNearSearches_IsForbidden()
    {
        var result = await Search.ExecuteAsync(Actor.Unscoped("mo.centre", Role.MonitoringOfficer), Request(), TestContext.Current.CancellationToken);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
    }

    private static Actor Probation(string caseload) => new("pat.probation", Role.ProbationOfficer, new HashSet<string>(), new HashSet<string> { caseload });

    private static Actor Police(string borough) => new("sam.police", Role.Police, new HashSet<string> { borough }, new HashSet<string>());

    private static SearchNearRequest Request() => new(CroydonCentre.Latitude, CroydonCentre.Longitude, 500, Nine, Nine + Duration.FromHours(2), Purpose);

    private Task<IReadOnlyList<AuditEntry>> AuditAsync() =>
        _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.Search), TestContext.Current.CancellationToken);
}
