using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Maintenance;
using Tagwatch.Application.Tags;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Application.Tests.Fixes;

/// <summary>Fix files in and out, and the store's statistics: who may, what is recorded, what is refused.</summary>
public sealed class FixUseCasesTests : IAsyncLifetime
{
    private static readonly Actor Administrator = Actor.Unscoped("ada.admin", Role.Administrator);
    private static readonly Actor Centre = Actor.Unscoped("mo.centre", Role.MonitoringOfficer);
    private static readonly Instant Received = Instant.FromUtc(2019, 3, 1, 12, 0);

    private UseCaseHost _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await UseCaseHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static ImportFixesRequest File(string csv, bool createTags = true) =>
        new(FixCsvReader.Read(new StringReader("tag_id,timestamp,lat,lon,accuracy_m\n" + csv), Received), "fixes.csv", "import", createTags);

    [Fact]
    public async Task Import_StoresTheFixesRegistersTheTagsAndRecordsTheFile()
    {
        var result = await _host.Get<ImportFixes>().ExecuteAsync(Administrator, File("T1,2019-02-18T08:00:00Z,51.4613,-0.1156,8\nT1,2019-02-18T08:01:00Z,51.4614,-0.1157,8\nT1,bad,1,1,1\n"), Cancel);

        Assert.Equal((3L, 2L, 1L), (result.Value.Rows, result.Value.Accepted, result.Value.Rejected));
        Assert.Contains(TagId.Parse("T1"), await _host.Get<ITagDirectory>().FindRegisteredAsync([TagId.Parse("T1")], Cancel));
        var record = Assert.Single(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ChangeRecord), Cancel));
        Assert.Equal(("ada.admin", "Administrator", "fixes", "fix file fixes.csv: 3 rows, 2 accepted, 1 rejected"),
            (record.Event.Actor, record.Event.ActorRole, record.Event.SubjectType, record.Event.Data));
    }

    [Fact]
    public async Task Import_ByARoleThatDoesNotManageTags_IsForbiddenAndStoresNothing()
    {
        var result = await _host.Get<ImportFixes>().ExecuteAsync(Centre, File("T1,2019-02-18T08:00:00Z,51.4613,-0.1156,8\n"), Cancel);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
        Assert.Equal(0, (await _host.Get<IFixStore>().StatisticsAsync(Cancel)).Fixes);
        Assert.Empty(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(), Cancel));
    }

    [Fact]
    public async Task Export_GivesTheWindowsFixesAndRecordsTheExport()
    {
        await _host.Get<ImportFixes>().ExecuteAsync(Administrator, File("T1,2019-02-18T08:00:00Z,51.4613,-0.1156,8\nT1,2019-02-18T09:00:00Z,51.4614,-0.1157,8\n"), Cancel);
        var to = Instant.FromUtc(2019, 2, 18, 8, 30);

        var result = await _host.Get<ExportFixes>().ExecuteAsync(Centre, new ExportFixesRequest("T1", null, to, FixExportFormat.Gpx, "t1.gpx"), Cancel);

        Assert.Equal(Instant.FromUtc(2019, 2, 18, 8, 0), Assert.Single(result.Value.Fixes).Time);
        var record = Assert.Single(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.Export), Cancel));
        Assert.Equal(("mo.centre", "tag", "T1"), (record.Event.Actor, record.Event.SubjectType, record.Event.SubjectId));
        Assert.EndsWith($"–{to} as gpx; 1 fixes to t1.gpx", record.Event.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ByPolice_IsForbidden_BecauseATagsWholeRecordIsNotATrailInTheirArea()
    {
        var police = new Actor("sam.police", Role.Police, new HashSet<string> { "E09000022" }, new HashSet<string>());

        var result = await _host.Get<ExportFixes>().ExecuteAsync(police, new ExportFixesRequest("T1", null, null, FixExportFormat.Csv), Cancel);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
    }

    [Fact]
    public async Task Export_OfAnUnregisteredTag_IsNotFound_AndAWindowEndingBeforeItStarts_IsInvalidNamingTo()
    {
        await _host.Get<ITagDirectory>().RegisterAsync([new Tag(TagId.Parse("T1"), "import", null)], Cancel);
        var unknown = await _host.Get<ExportFixes>().ExecuteAsync(Centre, new ExportFixesRequest("NOPE", null, null, FixExportFormat.Csv), Cancel);
        var backwards = await _host.Get<ExportFixes>().ExecuteAsync(
            Centre, new ExportFixesRequest("T1", Instant.FromUtc(2019, 2, 19, 0, 0), Instant.FromUtc(2019, 2, 18, 0, 0), FixExportFormat.Csv), Cancel);

        Assert.Equal((FailureKind.NotFound, "Tag NOPE is not registered."), (unknown.Failure?.Kind, unknown.Failure?.Message));
        Assert.Equal((FailureKind.Invalid, "to"), (backwards.Failure?.Kind, backwards.Failure?.Field));
        Assert.Empty(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.Export), Cancel));
    }

    [Fact]
    public async Task Statistics_CountWhatIsHeldAndAreRecorded()
    {
        await _host.Get<ImportFixes>().ExecuteAsync(Administrator, File("T1,2019-02-18T08:00:00Z,51.4613,-0.1156,8\nT2,2019-02-18T08:00:00Z,51.4613,-0.1156,8\n"), Cancel);

        var result = await _host.Get<ReadStoreStatistics>().ExecuteAsync(Actor.Unscoped("eve", Role.Evaluator), new ReadStoreStatisticsRequest(), Cancel);

        Assert.Equal((0, 2, 2L), (result.Value.Offenders, result.Value.Tags, result.Value.Fixes.Fixes));
        var record = Assert.Single(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ViewStatistics), Cancel));
        Assert.Equal(("eve", "database statistics: 0 people, 2 tags, 2 fixes, 0 crimes"), (record.Event.Actor, record.Event.Data));
    }

    [Fact]
    public async Task Statistics_ForPolice_AreForbidden()
    {
        var police = new Actor("sam.police", Role.Police, new HashSet<string> { "E09000022" }, new HashSet<string>());

        var result = await _host.Get<ReadStoreStatistics>().ExecuteAsync(police, new ReadStoreStatisticsRequest(), Cancel);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
    }
}
