using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Tests.Correlation;

public sealed class RunCorrelationTests : IAsyncLifetime
{
    private static readonly Actor Reviewer = Actor.Unscoped("rae.reviewer", Role.MatchReviewer);
    private static readonly Actor Police = new("sam.police", Role.Police, new HashSet<string> { "E09000022" }, new HashSet<string>());

    private UseCaseHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await UseCaseHost.StartAsync();
        const string file = """
            crime_ref,category,lat,lon,committed_from,committed_to
            LA-1,robbery,51.4613,-0.1156,2019-02-18T10:00:00Z,2019-02-18T10:30:00Z

            """;
        await _host.Get<ImportCrimes>().ExecuteAsync(Reviewer, new ImportCrimesRequest(CrimeFileFormat.Tagwatch, new StringReader(file), Correlate: false), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Scored_ARun_IsRecordedListedAndAudited()
    {
        var result = await _host.Get<RunCorrelation>().ExecuteAsync(Reviewer, new RunCorrelationRequest(), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        var run = result.Value.Run;
        Assert.Equal((1, "manual", "rae.reviewer"), (run.Crimes, run.Trigger, run.RequestedBy));
        var listed = await _host.Get<ListCorrelationRuns>().ExecuteAsync(Reviewer, new ListCorrelationRunsRequest(), TestContext.Current.CancellationToken);
        Assert.Equal(run.Id, Assert.Single(listed.Value).Id);
        var record = Assert.Single(await AuditAsync());
        Assert.Equal((run.Id.ToString(), "manual run: 1 crimes × 0 people → 0 matches"), (record.Event.SubjectId, record.Event.Data));
    }

    [Fact]
    public async Task Scored_AThresholdAboveOne_IsInvalidNamingItAndNothingRuns()
    {
        var result = await _host.Get<RunCorrelation>().ExecuteAsync(Reviewer, new RunCorrelationRequest(SignificanceThreshold: 2), TestContext.Current.CancellationToken);

        Assert.Equal((FailureKind.Invalid, "significance_threshold"), (result.Failure?.Kind, result.Failure?.Field));
        Assert.Contains("(SignificanceThreshold: 2)", result.Failure?.Message, StringComparison.Ordinal);
        Assert.Empty(await _host.Get<ICorrelationStore>().ListRunsAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Runs_ByARoleWithoutRunCorrelation_AreForbidden()
    {
        var scored = await _host.Get<RunCorrelation>().ExecuteAsync(Police, new RunCorrelationRequest(), TestContext.Current.CancellationToken);
        var strict = await _host.Get<RunStrictCorrelation>().ExecuteAsync(Police, new RunStrictCorrelationRequest(100, Duration.FromMinutes(10)), TestContext.Current.CancellationToken);
        var list = await _host.Get<ListCorrelationRuns>().ExecuteAsync(Police, new ListCorrelationRunsRequest(), TestContext.Current.CancellationToken);

        Assert.Equal((FailureKind.Forbidden, FailureKind.Forbidden, FailureKind.Forbidden), (scored.Failure?.Kind, strict.Failure?.Kind, list.Failure?.Kind));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Strict_ARun_IsAuditedWithItsParameters_AndANegativeRadiusIsInvalid()
    {
        var refused = await _host.Get<RunStrictCorrelation>().ExecuteAsync(Reviewer, new RunStrictCorrelationRequest(-5, Duration.FromMinutes(10)), TestContext.Current.CancellationToken);
        var ran = await _host.Get<RunStrictCorrelation>().ExecuteAsync(Reviewer, new RunStrictCorrelationRequest(100, Duration.FromMinutes(10)), TestContext.Current.CancellationToken);

        Assert.Equal((FailureKind.Invalid, "radius"), (refused.Failure?.Kind, refused.Failure?.Field));
        Assert.Empty(ran.Value);
        var record = Assert.Single(await AuditAsync());
        Assert.Equal(("strict", "strict run: radius 100 m, pad 10m → 0 crime–tag pairs"), (record.Event.SubjectId, record.Event.Data));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ListCorrelationRuns.MaxLimit + 1)]
    public async Task ListRuns_ALimitOutOfRange_IsInvalidNamingTheLimit(int limit)
    {
        var result = await _host.Get<ListCorrelationRuns>().ExecuteAsync(Reviewer, new ListCorrelationRunsRequest(limit), TestContext.Current.CancellationToken);

        Assert.Equal((FailureKind.Invalid, "limit"), (result.Failure?.Kind, result.Failure?.Field));
    }

    private Task<IReadOnlyList<AuditEntry>> AuditAsync() =>
        _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.RunCorrelation), TestContext.Current.CancellationToken);
}
