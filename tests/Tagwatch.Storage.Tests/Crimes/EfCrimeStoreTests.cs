using NodaTime;
using Tagwatch.Application.Crimes;
using Tagwatch.Protocols.Crimes;
using Tagwatch.Tests;

namespace Tagwatch.Storage.Tests.Crimes;

public abstract class EfCrimeStoreTests(StoreKind kind)
{
    private const string Row1 = "METROPOLITAN,RB,Robbery,MPS20190220,CRI00000001,20190220083000,20190220084500,,,51.4613,-0.1156,WGS84,";
    private const string Row2 = "METROPOLITAN,TFP,Theft from person,MPS20190220,CRI00000002,20190220090000,20190220091500,,,51.4740,-0.0700,WGS84,";

    private static IEnumerable<Protocols.ParsedRow<Core.Crimes.Crime>> Moj(params string[] lines) =>
        MojCrimeBatchReader.Read(new StringReader(string.Join("\n", lines)));

    [Fact]
    public async Task Import_NewBatch_StoresEveryValidRowWithItsBorough()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);

        var report = await db.CrimeImporter.ImportAsync(Moj(Row1, Row2, "METROPOLITAN,XX,,MPS20190220,CRI3,20190220083000,20190220084500,,,51.46,-0.11,,"));

        Assert.Equal((3L, 2L, 0L, 1L), (report.Rows, report.Accepted, report.Duplicates, report.Rejected));
        var stored = await db.Crimes.CurrentAsync(Instant.MinValue, Instant.MaxValue);
        Assert.Equal(["E09000022", "E09000028"], stored.Select(c => c.BoroughCode));
    }

    [Fact]
    public async Task Import_IdenticalResubmission_ChangesNothing()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        await db.CrimeImporter.ImportAsync(Moj(Row1, Row2));

        var report = await db.CrimeImporter.ImportAsync(Moj(Row1, Row2));

        Assert.Equal((0L, 2L), (report.Accepted, report.Duplicates));
        Assert.Single(await db.Crimes.HistoryAsync("METROPOLITAN", "CRI00000001"));
    }

    [Fact]
    public async Task Import_ChangedResubmission_BecomesANewVersionKeepingHistory()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        await db.CrimeImporter.ImportAsync(Moj(Row1));

        var report = await db.CrimeImporter.ImportAsync(Moj(Row1.Replace("20190220084500", "20190220090000", StringComparison.Ordinal)));

        Assert.Equal((1L, 1L), (report.Accepted, report.Updated));
        var history = await db.Crimes.HistoryAsync("METROPOLITAN", "CRI00000001");
        Assert.Equal([1, 2], history.Select(c => c.Version));
        var current = Assert.Single(await db.Crimes.CurrentAsync(Instant.MinValue, Instant.MaxValue));
        Assert.Equal(2, current.Version);
        Assert.Equal(Instant.FromUtc(2019, 2, 20, 9, 0), current.CommittedTo);
    }

    [Fact]
    public async Task Current_WindowQuery_ReturnsOnlyOverlappingCrimes()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        await db.CrimeImporter.ImportAsync(Moj(Row1, Row2));

        var found = await db.Crimes.CurrentAsync(Instant.FromUtc(2019, 2, 20, 8, 50), Instant.FromUtc(2019, 2, 20, 8, 55));

        Assert.Empty(found);
        Assert.Single(await db.Crimes.CurrentAsync(Instant.FromUtc(2019, 2, 20, 8, 45), Instant.FromUtc(2019, 2, 20, 8, 55)));
    }

    [Fact]
    public async Task CurrentSitesAndSpan_AreTheCurrentVersionsPlacesAndWindows()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        Assert.Null(await db.Crimes.CurrentSpanAsync());
        await db.CrimeImporter.ImportAsync(Moj(Row1, Row2));
        await db.CrimeImporter.ImportAsync(Moj(Row1.Replace("20190220084500", "20190220093000", StringComparison.Ordinal)));

        var all = await db.Crimes.CurrentSitesAsync(Instant.MinValue, Instant.MaxValue);
        var early = await db.Crimes.CurrentSitesAsync(Instant.FromUtc(2019, 2, 20, 8, 0), Instant.FromUtc(2019, 2, 20, 8, 45));

        Assert.Equal(
            [("CRI00000001", 51.4613, -0.1156, Instant.FromUtc(2019, 2, 20, 8, 30), Instant.FromUtc(2019, 2, 20, 9, 30)),
             ("CRI00000002", 51.4740, -0.0700, Instant.FromUtc(2019, 2, 20, 9, 0), Instant.FromUtc(2019, 2, 20, 9, 15))],
            all.OrderBy(c => c.Reference, StringComparer.Ordinal).Select(c => (c.Reference, c.Latitude, c.Longitude, Instant.FromUnixTimeMilliseconds(c.FromUnixMs), Instant.FromUnixTimeMilliseconds(c.ToUnixMs))));
        Assert.Equal("CRI00000001", Assert.Single(early).Reference);
        Assert.Equal(new Interval(Instant.FromUtc(2019, 2, 20, 8, 30), Instant.FromUtc(2019, 2, 20, 9, 30)), await db.Crimes.CurrentSpanAsync());
    }

    [Fact]
    public async Task CurrentOf_GivesTheCurrentVersionOfEachKnownKey_MatchingForceAndReference()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        // The same reference in two forces, and a crime with a second version.
        await db.CrimeImporter.ImportAsync(Moj(Row1, Row2, Row1.Replace("METROPOLITAN", "KENT", StringComparison.Ordinal).Replace("MPS2019", "KNT2019", StringComparison.Ordinal)));
        await db.CrimeImporter.ImportAsync(Moj(Row1.Replace("20190220084500", "20190220093000", StringComparison.Ordinal)));

        var found = await db.Crimes.CurrentOfAsync([("METROPOLITAN", "CRI00000001"), ("KENT", "CRI00000002"), ("KENT", "CRI00000001"), ("METROPOLITAN", "NO-SUCH")]);

        Assert.Equal(
            [("KENT", "CRI00000001", 1), ("METROPOLITAN", "CRI00000001", 2)],
            found.Select(c => (c.Force, c.Reference, c.Version)).OrderBy(c => c.Force, StringComparer.Ordinal));
        Assert.Empty(await db.Crimes.CurrentOfAsync([]));
    }

    [Fact]
    public async Task ImportArea_PoliceUkFileTwice_SecondTimeAddsNothing()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        string path = TestData.Path("crimes", "policeuk-met-2019-02-sample.csv");

        using (var first = File.OpenText(path))
        {
            var report = await db.CrimeImporter.ImportAreaAsync(PoliceUkCsvReader.Read(first));
            Assert.Equal(202, report.Accepted);
        }

        using var second = File.OpenText(path);
        var again = await db.CrimeImporter.ImportAreaAsync(PoliceUkCsvReader.Read(second));

        Assert.Equal((0L, 202L), (again.Accepted, again.Duplicates));
        var counts = await db.Crimes.AreaCrimeCountsAsync();
        Assert.Equal(202, counts.Sum(c => c.Count));
        Assert.Empty(await db.Crimes.CurrentAsync(Instant.MinValue, Instant.MaxValue)); // never matchable
    }

    [Fact]
    public async Task ListCurrent_PagesInEverySortWithoutOverlapOrGap_OutsideLondonLast_AndFiltersInTheStore()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        (double Lat, double Lon)[] places = [(51.4613, -0.1156), (51.4740, -0.0700), (51.3762, -0.0982), (51.4500, -0.0200), (53.4800, -2.2400)];
        var rows = Enumerable.Range(0, 23).Select(i =>
        {
            var (lat, lon) = places[i % places.Length];
            string category = i % 3 == 0 ? "TFP,Theft from person" : "RB,Robbery";
            // Upper and lower case and punctuation: an order by the database's language rules would differ from bytes.
            int n = (i * 7919) % 100;
            string reference = (i % 4) switch { 0 => $"CRI{n:D8}", 1 => $"cri-{n:D4}", 2 => $"Cri/{n:D3}", _ => $"CRI-{n:D2}" };
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"METROPOLITAN,{category},MPS20190220,{reference},201902{10 + (i % 9):D2}0830{i % 60:D2},201902{10 + (i % 9):D2}0930{i % 60:D2},,,{lat},{lon},WGS84,");
        }).ToArray();
        await db.CrimeImporter.ImportAsync(Moj(rows));
        var all = await db.Crimes.CurrentAsync(Instant.MinValue, Instant.MaxValue);
        Assert.Equal(23, all.Count);
        var everything = new CrimeFilter(Instant.FromUtc(2019, 2, 1, 0, 0), Instant.FromUtc(2019, 3, 1, 0, 0), null, null, null);

        foreach (var sort in Enum.GetValues<CrimeSort>())
        {
            foreach (bool descending in new[] { false, true })
            {
                var paged = new List<Core.Crimes.Crime>();
                for (int skip = 0; skip < 30; skip += 5)
                {
                    var (page, total) = await db.Crimes.ListCurrentAsync(everything, sort, descending, skip, 5);
                    Assert.Equal(23, total);
                    paged.AddRange(page);
                }

                Assert.Equal(Expected(all, sort, descending).Select(c => c.Reference), paged.Select(c => c.Reference));
            }
        }

        var (byBorough, _) = await db.Crimes.ListCurrentAsync(everything, CrimeSort.Borough, false, 0, null);
        Assert.Null(byBorough[^1].BoroughCode);
        var (lambethRobberies, count) = await db.Crimes.ListCurrentAsync(everything with { Boroughs = ["E09000022", "E09000028"], Borough = "E09000022", Category = Core.Crimes.CrimeCategory.Robbery }, CrimeSort.CommittedFrom, false, 0, null);
        Assert.Equal(all.Count(c => c.BoroughCode == "E09000022" && c.Category == Core.Crimes.CrimeCategory.Robbery), count);
        Assert.All(lambethRobberies, c => Assert.Equal(("E09000022", Core.Crimes.CrimeCategory.Robbery), (c.BoroughCode, c.Category)));
        Assert.Empty((await db.Crimes.ListCurrentAsync(everything with { Boroughs = [] }, CrimeSort.CommittedFrom, false, 0, null)).Page);
        var starts = await db.Crimes.CurrentStartsAsync(everything with { Boroughs = ["E09000008"] });
        Assert.Equal(all.Where(c => c.BoroughCode == "E09000008").Select(c => (c.CommittedFrom, c.Category)).Order(), starts.Order());
    }

    private static IEnumerable<Core.Crimes.Crime> Expected(IEnumerable<Core.Crimes.Crime> crimes, CrimeSort sort, bool descending)
    {
        Func<Core.Crimes.Crime, string> key = sort switch
        {
            CrimeSort.Borough => c => c.BoroughCode ?? "\uffff",
            CrimeSort.Category => c => c.Category.ToString(),
            CrimeSort.Reference => c => c.Reference,
            _ => c => c.CommittedFrom.ToUnixTimeMilliseconds().ToString("D15", System.Globalization.CultureInfo.InvariantCulture),
        };
        var ordered = descending ? crimes.OrderByDescending(key, StringComparer.Ordinal) : crimes.OrderBy(key, StringComparer.Ordinal);
        return ordered.ThenBy(c => c.Reference, StringComparer.Ordinal).ThenBy(c => c.Force, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Upsert_OutcomesAreInInputOrder()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        await db.CrimeImporter.ImportAsync(Moj(Row1));
        var rows = Moj(Row2, Row1, Row1.Replace("-0.1156", "-0.1157", StringComparison.Ordinal)).Select(r => r.Value!).ToList();

        var outcomes = await db.Crimes.UpsertAsync(rows, Instant.FromUtc(2019, 3, 1, 0, 0));

        Assert.Equal([CrimeUpsertOutcome.Created, CrimeUpsertOutcome.Unchanged, CrimeUpsertOutcome.NewVersion], outcomes);
    }
}

public sealed class EfCrimeStoreTestsSqlite() : EfCrimeStoreTests(StoreKind.Sqlite);

public sealed class EfCrimeStoreTestsPostgres() : EfCrimeStoreTests(StoreKind.Postgres);
