using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Tags;
using Tagwatch.Application.Trails;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Core.Tags;

namespace Tagwatch.Application.Tests.Trails;

public sealed class ReadTrailTests : IAsyncLifetime
{
    private const string Croydon = "E09000008";
    private const string Lambeth = "E09000022";
    private const string Purpose = "robbery enquiry CR-9";
    private static readonly GeoPoint CroydonCentre = new(51.3762, -0.0982);
    private static readonly GeoPoint Westminster = new(51.4975, -0.1357);
    private static readonly Instant Nine = Instant.FromUtc(2019, 3, 1, 9, 0);
    private static readonly TagId Tag = TagId.Parse("tag-1");

    private UseCaseHost _host = null!;
    private string _reference = "";

    private ReadTrail ReadTrail => _host.Get<ReadTrail>();

    public async ValueTask InitializeAsync()
    {
        _host = await UseCaseHost.StartAsync();
        var person = await _host.EnrolAsync(home: CroydonCentre);
        _reference = person.Reference.ToString();
        await _host.FitAsync(Tag, person, Nine - Duration.FromHours(1));

        // Six fixes in Croydon, then four in Westminster, ten minutes apart.
        var fixes = Enumerable.Range(0, 10)
            .Select(i => Fix.Create(Nine + Duration.FromMinutes(10 * i), Nine + Duration.FromMinutes(10 * i), i < 6 ? CroydonCentre : Westminster, 5))
            .ToList();
        await _host.Get<IFixStore>().AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = fixes });
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Execute_ProbationForTheirCaseload_ReturnsTheWholeTrailAndRecordsTheView()
    {
        var result = await ReadTrail.ExecuteAsync(Probation(_reference), Day(), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(10, result.Value.Fixes.Count);
        Assert.Null(result.Value.Next);
        var record = Assert.Single(await AuditAsync());
        Assert.Equal(("pat.probation", "ProbationOfficer", AuditActions.ViewTrail, _reference), (record.Event.Actor, record.Event.ActorRole, record.Event.Action, record.Event.SubjectId));
        Assert.Contains("10 fixes", record.Event.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_ProbationOutsideTheirCaseload_IsForbiddenAndReadsNothing()
    {
        var result = await ReadTrail.ExecuteAsync(Probation("TW-99999"), Day(), TestContext.Current.CancellationToken);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Execute_UnknownReference_IsNotFound()
    {
        var result = await ReadTrail.ExecuteAsync(Probation(_reference), Day() with { Reference = "TW-99999" }, TestContext.Current.CancellationToken);

        Assert.Equal(FailureKind.NotFound, result.Failure?.Kind);
    }

    [Fact]
    public async Task Execute_ARoleWithoutTrails_IsForbidden()
    {
        var result = await ReadTrail.ExecuteAsync(Actor.Unscoped("eve.evaluator", Role.Evaluator), Day(), TestContext.Current.CancellationToken);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
    }

    [Fact]
    public async Task Execute_ToBeforeFrom_IsInvalidNamingTo()
    {
        var result = await ReadTrail.ExecuteAsync(Probation(_reference), Day() with { To = Nine - Duration.FromHours(1) }, TestContext.Current.CancellationToken);

        Assert.Equal((FailureKind.Invalid, "to"), (result.Failure?.Kind, result.Failure?.Field));
    }

    [Theory]
    [InlineData(null, 2, 500, "purpose")]
    [InlineData("too short", 2, 500, "purpose")]
    [InlineData(Purpose, 25, 500, "to")]
    [InlineData(Purpose, 2, 2_500, "radius")]
    public async Task Execute_PoliceWithoutPurposeShortWindowOrSmallArea_IsInvalidNamingTheField(string? purpose, int hours, double radius, string field)
    {
        var request = PoliceRequest(CroydonCentre, radius) with { Purpose = purpose, To = Nine + Duration.FromHours(hours) };

        var result = await ReadTrail.ExecuteAsync(Police(Croydon), request, TestContext.Current.CancellationToken);

        Assert.Equal((FailureKind.Invalid, field), (result.Failure?.Kind, result.Failure?.Field));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Execute_PoliceAreaOutsideTheirBoroughs_IsForbiddenWhetherOrNotThePersonExists()
    {
        var known = await ReadTrail.ExecuteAsync(Police(Lambeth), PoliceRequest(CroydonCentre, 500), TestContext.Current.CancellationToken);
        var unknown = await ReadTrail.ExecuteAsync(Police(Lambeth), PoliceRequest(CroydonCentre, 500) with { Reference = "TW-99999" }, TestContext.Current.CancellationToken);

        Assert.Equal((FailureKind.Forbidden, FailureKind.Forbidden), (known.Failure?.Kind, unknown.Failure?.Kind));
        Assert.Equal(known.Failure?.Message, unknown.Failure?.Message);
    }

    [Fact]
    public async Task Execute_PoliceWithPurposeAndAreaInTheirBorough_SeesOnlyTheFixesInTheAreaAndThePurposeIsRecorded()
    {
        var result = await ReadTrail.ExecuteAsync(Police(Croydon), PoliceRequest(CroydonCentre, 500), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(6, result.Value.Fixes.Count);
        Assert.All(result.Value.Fixes, f => Assert.True(Geodesic.DistanceMetres(f.Fix.Position, CroydonCentre) <= 500));
        var record = Assert.Single(await AuditAsync());
        Assert.Equal((AuditActions.ViewTrail, Purpose), (record.Event.Action, record.Event.Purpose));
        Assert.Contains("area 500 m around 51.37620,-0.09820", record.Event.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_Export_ReturnsEveryFixAndIsRecordedAsAnExport()
    {
        var result = await ReadTrail.ExecuteAsync(Probation(_reference), Day() with { Format = TrailFormat.Csv, Limit = 2 }, TestContext.Current.CancellationToken);

        Assert.Equal(10, result.Value.Fixes.Count);
        var record = Assert.Single(await AuditAsync());
        Assert.Equal(AuditActions.Export, record.Event.Action);
        Assert.Contains("as csv; 10 fixes", record.Event.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_PagesOfFour_FollowEachOtherThroughNext()
    {
        var first = await ReadTrail.ExecuteAsync(Probation(_reference), Day() with { Limit = 4 }, TestContext.Current.CancellationToken);
        var second = await ReadTrail.ExecuteAsync(Probation(_reference), Day() with { Limit = 4, After = first.Value.Next }, TestContext.Current.CancellationToken);
        var last = await ReadTrail.ExecuteAsync(Probation(_reference), Day() with { Limit = 4, After = second.Value.Next }, TestContext.Current.CancellationToken);

        Assert.Equal((4, 4, 2), (first.Value.Fixes.Count, second.Value.Fixes.Count, last.Value.Fixes.Count));
        Assert.Equal(Nine + Duration.FromMinutes(40), second.Value.Fixes[0].Fix.Time);
        Assert.Null(last.Value.Next);
    }

    [Fact]
    public async Task Execute_PagesOverSeveralDays_GiveEveryFixOnceInOrder_IncludingOnesOnTheDayBoundaries()
    {
        // Every 6 hours for four days, from one day after the fitting: fixes fall exactly on the reading windows' edges.
        var start = Nine + Duration.FromDays(1);
        var days = Enumerable.Range(0, 16).Select(i => Fix.Create(start + Duration.FromHours(6 * i), start + Duration.FromHours(6 * i), CroydonCentre, 5)).ToList();
        await _host.Get<IFixStore>().AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = days });
        var period = new ReadTrailRequest(_reference, start, start + Duration.FromDays(4), Limit: 3);

        var seen = new List<Instant>();
        Instant? after = null;
        do
        {
            var page = await ReadTrail.ExecuteAsync(Probation(_reference), period with { After = after }, TestContext.Current.CancellationToken);
            seen.AddRange(page.Value.Fixes.Select(f => f.Fix.Time));
            after = page.Value.Next;
        }
        while (after is not null);

        Assert.Equal(days.Select(f => f.Time), seen);
    }

    private static Actor Probation(string caseload) => new("pat.probation", Role.ProbationOfficer, new HashSet<string>(), new HashSet<string> { caseload });

    private static Actor Police(string borough) => new("sam.police", Role.Police, new HashSet<string> { borough }, new HashSet<string>());

    private ReadTrailRequest Day() => new(_reference, Nine - Duration.FromHours(1), Nine + Duration.FromHours(23));

    private ReadTrailRequest PoliceRequest(GeoPoint centre, double radius) =>
        new(_reference, Nine, Nine + Duration.FromHours(2), TrailFormat.Json, Purpose, centre.Latitude, centre.Longitude, radius);

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync() =>
        (await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: "view.trail"))).Concat(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.Export))).ToList();
}
