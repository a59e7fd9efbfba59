using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;
using Tagwatch.Protocols;
using Tagwatch.Protocols.Csv;
using Tagwatch.Protocols.Gpx;
using Tagwatch.Tests;

namespace Tagwatch.Storage.Tests.Imports;

public abstract class FixImporterTests(StoreKind kind)
{
    private static readonly Instant Received = Instant.FromUtc(2019, 2, 18, 12, 0);

    private const string Csv = """
        tag_id,timestamp,lat,lon,accuracy_m
        T1,2019-02-18T08:00:00Z,51.4613,-0.1156,8
        T1,2019-02-18T08:01:00Z,51.4614,-0.1157,250
        T1,2019-02-18T08:02:00Z,0,0,5
        T2,2019-02-18T08:00:00Z,51.37,-0.1,5
        T1,2019-02-18T08:03:00Z,51.4615,-0.1158,
        T1,2019-02-18T08:00:00Z,51.4613,-0.1156,8
        T1,bad,51.4613,-0.1156,8
        """;

    private static IEnumerable<ParsedRow<FixRecord>> Rows(string csv) => FixCsvReader.Read(new StringReader(csv), Received);

    [Fact]
    public async Task Import_UnknownTag_RejectsItsRowsNamingTheTag()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        await db.Tags.RegisterAsync([new Tag(TagId.Parse("T1"), "test", null)]);

        var report = await db.FixImporter.ImportAsync(Rows(Csv), createTags: false, "import");

        Assert.Equal(7, report.Rows);
        Assert.Equal(4, report.Accepted);
        Assert.Equal(1, report.Duplicates);
        Assert.Equal(2, report.Rejected);
        Assert.Contains(report.RowErrors, e => e.Row == 5 && e.Field == "tag_id" && e.Reason.Contains("'T2' is not a registered tag", StringComparison.Ordinal));
        Assert.Contains(report.RowErrors, e => e.Row == 8 && e.Field == "timestamp");
    }

    [Fact]
    public async Task Import_QualityProblems_AreFlaggedNotDropped()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);

        var report = await db.FixImporter.ImportAsync(Rows(Csv), createTags: true, "import");

        Assert.Equal(5, report.Accepted);
        Assert.Equal(3, report.Flagged); // low accuracy, zero position, no accuracy
        var fixes = await db.Fixes.ReadAsync(TagId.Parse("T1"), Instant.MinValue, Instant.MaxValue);
        Assert.Equal(FixFlags.LowAccuracy, fixes[1].Flags);
        Assert.True(fixes[2].Flags.HasFlag(FixFlags.ZeroPosition));
        Assert.Equal(FixFlags.AccuracyAssumed, fixes[3].Flags);
        Assert.Equal(2, (await db.Tags.ListAsync()).Count);
    }

    [Fact]
    public async Task Import_ImplausibleJump_FlagsTheJumpButNotTheReturn()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        const string csv = """
            tag_id,timestamp,lat,lon,accuracy_m
            T1,2019-02-18T08:00:00Z,51.4613,-0.1156,8
            T1,2019-02-18T08:01:00Z,51.6613,-0.1156,8
            T1,2019-02-18T08:02:00Z,51.4614,-0.1156,8
            """;

        await db.FixImporter.ImportAsync(Rows(csv), createTags: true, "import");

        var fixes = await db.Fixes.ReadAsync(TagId.Parse("T1"), Instant.MinValue, Instant.MaxValue);
        Assert.Equal([FixFlags.None, FixFlags.ImplausibleSpeed, FixFlags.None], fixes.Select(f => f.Flags));
    }

    [Fact]
    public async Task Import_GpxBrokenPartWay_WritesNothing()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        const string gpx = """
            <gpx version="1.1"><trk><trkseg>
            <trkpt lat="51.5" lon="-0.1"><time>2019-02-18T08:00:00Z</time></trkpt>
            <trkpt lat="51.5" lon="-0.1"><time>2019-02-18T08:01:00Z</time></trkpt>
            <trkpt lat="51.5" lon="-0.1"><time>2019-02-18T08:02:00Z
            """;

        await Assert.ThrowsAsync<InputFormatException>(() => db.FixImporter.ImportAsync(GpxReader.Read(new StringReader(gpx), TagId.Parse("T1"), Received), createTags: true, "gpx"));

        Assert.Equal(0, (await db.Fixes.StatisticsAsync()).Fixes);
        Assert.Empty(await db.Tags.ListAsync());
    }
}

public sealed class FixImporterTestsSqlite() : FixImporterTests(StoreKind.Sqlite);

public sealed class FixImporterTestsPostgres() : FixImporterTests(StoreKind.Postgres);
