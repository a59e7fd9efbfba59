using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Tests.Crimes;

public sealed class ImportCrimesTests : IAsyncLifetime
{
    private const string Croydon = "E09000008";

    // A crime in Croydon, one in Brixton (Lambeth), and a row whose window ends before it starts.
    private const string File = """
        crime_ref,category,lat,lon,committed_from,committed_to
        CR-1,robbery,51.3762,-0.0982,2019-02-18T10:00:00Z,2019-02-18T10:30:00Z
        LA-1,robbery,51.4613,-0.1156,2019-02-18T10:00:00Z,2019-02-18T10:30:00Z
        BAD-1,robbery,51.4613,-0.1156,2019-02-18T12:00:00Z,2019-02-18T11:00:00Z

        """;

    private static readonly Actor Reviewer = Actor.Unscoped("rae.reviewer", Role.MatchReviewer);

    private UseCaseHost _host = null!;

    private ImportCrimes Import => _host.Get<ImportCrimes>();

    public async ValueTask InitializeAsync() => _host = await UseCaseHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Execute_TheHub_StoresEveryGoodRowReportsTheBadOneAndRecordsTheImportOnce()
    {
        var result = await Import.ExecuteAsync(Reviewer, Request(File), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        var report = result.Value.Report;
        Assert.Equal((3L, 2L, 1L), (report.Rows, report.Accepted, report.Rejected));
        Assert.Equal(2, (await StoredAsync()).Count);
        var record = Assert.Single(await AuditAsync());
        Assert.Equal(("rae.reviewer", "MatchReviewer", "crime"), (record.Event.Actor, record.Event.ActorRole, record.Event.SubjectType));
        Assert.Equal("tagwatch file: 3 rows, 2 accepted, 0 updated, 0 duplicates, 1 rejected", record.Event.Data);
    }

    [Fact]
    public async Task Execute_Police_StoreOnlyTheCrimesOfTheirBoroughsAndEveryOtherRowIsRejectedNamingItsBorough()
    {
        var police = new Actor("sam.police", Role.Police, new HashSet<string> { Croydon }, new HashSet<string>());

        var result = await Import.ExecuteAsync(police, Request(File), TestContext.Current.CancellationToken);

        Assert.Equal((1L, 2L), (result.Value.Report.Accepted, result.Value.Report.Rejected));
        Assert.Contains(result.Value.Report.Errors, e => e.Field == "location" && e.Reason.Contains("in Lambeth (E09000022), outside your boroughs", StringComparison.Ordinal));
        Assert.Equal(["CR-1"], (await StoredAsync()).Select(c => c.Reference));
    }

    [Fact]
    public async Task Execute_ARoleThatDoesNotManageCrimes_IsForbiddenAndStoresAndRecordsNothing()
    {
        var result = await Import.ExecuteAsync(Actor.Unscoped("pat.probation", Role.ProbationOfficer), Request(File), TestContext.Current.CancellationToken);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
        Assert.Empty(await StoredAsync());
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Execute_AnUnknownForce_IsInvalidNamingTheForce()
    {
        var result = await Import.ExecuteAsync(Reviewer, Request(File) with { Force = "ATLANTIS" }, TestContext.Current.CancellationToken);

        Assert.Equal((FailureKind.Invalid, "force"), (result.Failure?.Kind, result.Failure?.Field));
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Execute_NewCrimes_AreCheckedAtOnceUnlessTheRequestSaysNot()
    {
        var later = await Import.ExecuteAsync(Reviewer, Request(File) with { Correlate = false }, TestContext.Current.CancellationToken);
        Assert.Null(later.Value.Correlation);
        Assert.Empty(await _host.Get<ICorrelationStore>().ListRunsAsync(cancellationToken: TestContext.Current.CancellationToken));

        // The next import checks what it changed and what the first left waiting.
        var now = await Import.ExecuteAsync(Reviewer, Request(File.Replace("CR-1", "CR-2", StringComparison.Ordinal)), TestContext.Current.CancellationToken);

        var run = now.Value.Correlation?.Run;
        Assert.NotNull(run);
        Assert.Equal((3, "import by rae.reviewer"), (run.Crimes, run.RequestedBy));
    }

    private static ImportCrimesRequest Request(string csv) => new(CrimeFileFormat.Tagwatch, new StringReader(csv));

    private Task<IReadOnlyList<Core.Crimes.Crime>> StoredAsync() =>
        _host.Get<ICrimeStore>().CurrentAsync(Instant.FromUtc(2019, 2, 18, 0, 0), Instant.FromUtc(2019, 2, 19, 0, 0), TestContext.Current.CancellationToken);

    private Task<IReadOnlyList<AuditEntry>> AuditAsync() =>
        _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ImportCrimes), TestContext.Current.CancellationToken);
}
