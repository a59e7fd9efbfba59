using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Tagwatch.Server.Tests;

namespace Tagwatch.Web.Tests;

/// <summary>The crime pages: upload with its row-by-row report, the sorted and paged table with its map, the monthly
/// trend, encoding of police free text, and who may open them.</summary>
public sealed class CrimesTests(BrowserFixture browser) : IAsyncLifetime
{
    private SeededApi _seeded = null!;

    public async ValueTask InitializeAsync() => _seeded = await SeededApi.StartAsync();

    public async ValueTask DisposeAsync() => await _seeded.DisposeAsync();

    [Fact]
    public async Task A_reviewer_uploads_the_police_uk_sample_and_reads_the_report_with_its_counts()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "reviewer");
        await web.Page.GotoAsync("/crimes/upload");
        await web.AssertAccessibleAsync();

        await web.Page.GetByLabel("police.uk street-level crimes").CheckAsync();
        await web.Page.GetByLabel("CSV file to upload").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "crimes", "policeuk-met-2019-02-sample.csv"));
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Upload and check" }).ClickAsync();

        await Assertions.Expect(web.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Crime file report" })).ToBeVisibleAsync();
        await Assertions.Expect(web.Page.GetByText("policeuk-met-2019-02-sample.csv: 202 rows read.")).ToBeVisibleAsync();
        long accepted = long.Parse(await web.Page.GetByTestId("accepted").InnerTextAsync(), CultureInfo.InvariantCulture);
        long duplicates = long.Parse(await web.Page.GetByTestId("duplicates").InnerTextAsync(), CultureInfo.InvariantCulture);
        long refused = long.Parse(await web.Page.GetByTestId("refused").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(accepted > 0);
        Assert.Equal(202, accepted + duplicates + refused);
        await web.AssertAccessibleAsync();
        await web.ScreenshotAsync("crime-upload-report");
        web.AssertNoProblems();
    }

    [Fact]
    public async Task A_malformed_file_is_reported_row_by_row_with_each_refused_line_and_its_reason()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "reviewer");
        await web.Page.GotoAsync("/crimes/upload");
        const string file = """
            crime_ref,category,lat,lon,committed_from,committed_to
            BAD-1,robbery,51.4613,-0.1156,2018-05-01T10:00:00Z,2018-05-01T10:30:00Z
            BAD-2,juggling,51.4613,-0.1156,2018-05-01T10:00:00Z,2018-05-01T10:30:00Z
            BAD-3,robbery,not-a-latitude,-0.1156,2018-05-01T10:00:00Z,2018-05-01T10:30:00Z

            """;

        await web.Page.GetByLabel("Tagwatch crime file").CheckAsync();
        await web.Page.GetByLabel("CSV file to upload").SetInputFilesAsync(new FilePayload { Name = "malformed.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(file) });
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Upload and check" }).ClickAsync();

        await Assertions.Expect(web.Page.GetByTestId("refused")).ToHaveTextAsync("2");
        await Assertions.Expect(web.Page.GetByTestId("accepted")).ToHaveTextAsync("1");
        var rows = web.Page.GetByTestId("refused-rows").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("3");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("category");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("'juggling' is not a crime category");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("4");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("lat");
        web.AssertNoProblems();
    }

    [Fact]
    public async Task Without_a_file_the_upload_says_so_against_the_field()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "reviewer");
        await web.Page.GotoAsync("/crimes/upload");

        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Upload and check" }).ClickAsync();

        await Assertions.Expect(web.Page.Locator("#Input_File-error")).ToContainTextAsync("Select a crime file to upload");
        web.AssertNoProblems();
    }

    [Fact]
    public async Task The_table_sorts_by_the_chosen_column_and_pages_with_the_filters_kept()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "reviewer");
        await web.Page.GotoAsync("/crimes?Filter.From=2019-02-18&Filter.To=2019-02-21");
        await Assertions.Expect(web.Page.GetByTestId("crime-map")).ToHaveAttributeAsync("data-tw-ready", "true");
        await Assertions.Expect(web.Page.GetByRole(AriaRole.Columnheader, new PageGetByRoleOptions { Name = "Committed" })).ToHaveAttributeAsync("aria-sort", "descending");

        await web.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Reference", Exact = true }).ClickAsync();
        await Assertions.Expect(web.Page.GetByRole(AriaRole.Columnheader, new PageGetByRoleOptions { Name = "Reference" })).ToHaveAttributeAsync("aria-sort", "ascending");
        var firstPage = await References(web);
        Assert.Equal(firstPage.Order(StringComparer.Ordinal), firstPage);

        await web.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByTestId("crime-table").Locator("caption")).ToContainTextAsync("page 2 of");
        Assert.Contains("Filter.From=2019-02-18", web.Page.Url, StringComparison.Ordinal);
        var secondPage = await References(web);
        Assert.True(string.CompareOrdinal(firstPage[^1], secondPage[0]) <= 0, $"{firstPage[^1]} then {secondPage[0]}");

        await web.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Reference (ascending)" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByRole(AriaRole.Columnheader, new PageGetByRoleOptions { Name = "Reference" })).ToHaveAttributeAsync("aria-sort", "descending");
        await web.AssertAccessibleAsync();
        await web.ScreenshotAsync("crimes");
        web.AssertNoProblems();
    }

    [Fact]
    public async Task The_trend_table_counts_uploaded_crimes_and_their_description_renders_as_text()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "reviewer");
        await web.Page.GotoAsync("/crimes/upload");
        const string file = """
            crime_ref,category,lat,lon,committed_from,committed_to,text
            TREND-1,robbery,51.4613,-0.1156,2018-06-03T10:00:00Z,2018-06-03T10:30:00Z,<script>alert('crime')</script>
            TREND-2,robbery,51.4620,-0.1150,2018-06-10T10:00:00Z,2018-06-10T10:30:00Z,phone taken
            TREND-3,robbery,51.4630,-0.1140,2018-06-20T10:00:00Z,2018-06-20T10:30:00Z,bag taken
            TREND-4,burglary_dwelling,51.4630,-0.1140,2018-07-02T10:00:00Z,2018-07-02T10:30:00Z,door forced

            """;
        await web.Page.GetByLabel("Tagwatch crime file").CheckAsync();
        await web.Page.GetByLabel("CSV file to upload").SetInputFilesAsync(new FilePayload { Name = "trend.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(file) });
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Upload and check" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByTestId("accepted")).ToHaveTextAsync("4");

        await web.Page.GotoAsync("/crimes?Filter.From=2018-06-01&Filter.To=2018-06-30&sort=reference&dir=asc");
        await Assertions.Expect(web.Page.GetByTestId("crime-table").GetByText("<script>alert('crime')</script>")).ToBeVisibleAsync();

        await web.Page.GotoAsync("/crimes/trend?Filter.From=2018-05-01&Filter.To=2018-07-31");
        var june = web.Page.GetByTestId("trend-table").GetByRole(AriaRole.Row, new LocatorGetByRoleOptions { Name = "Jun 2018" });
        await Assertions.Expect(june.Locator("td")).ToHaveTextAsync(["3", "0"]);
        var july = web.Page.GetByTestId("trend-table").GetByRole(AriaRole.Row, new LocatorGetByRoleOptions { Name = "Jul 2018" });
        await Assertions.Expect(july.Locator("td")).ToHaveTextAsync(["0", "1"]);
        await Assertions.Expect(web.Page.GetByTestId("trend-table").Locator("tbody tr")).ToHaveCountAsync(3); // May to July, no more
        await Assertions.Expect(web.Page.GetByRole(AriaRole.Columnheader, new PageGetByRoleOptions { Name = "Robbery (knife-related)" })).ToBeVisibleAsync();
        await Assertions.Expect(web.Page.GetByTestId("trend-chart")).ToHaveAttributeAsync("data-tw-ready", "true");
        await web.AssertAccessibleAsync();
        await web.ScreenshotAsync("crime-trend");
        web.AssertNoProblems();
    }

    [Fact]
    public async Task Police_see_only_their_boroughs_crimes_and_probation_and_evaluators_are_refused()
    {
        await using var police = await WebSession.SignedInAsync(browser, _seeded, "police");
        await police.Page.GotoAsync("/crimes?Filter.From=2019-02-18&Filter.To=2019-02-21&sort=borough");
        string own = Core.Boroughs.BoroughMap.London.Find(_seeded.PoliceBoroughs["police"])!.Name;
        var boroughCells = police.Page.GetByTestId("crime-table").Locator("tbody tr td:nth-child(4)");
        await Assertions.Expect(boroughCells.First).ToHaveTextAsync(own);
        Assert.All(await boroughCells.AllInnerTextsAsync(), cell => Assert.Equal(own, cell));

        foreach (string principal in new[] { "probation", "evaluator" })
        {
            await using var web = await WebSession.SignedInAsync(browser, _seeded, principal);
            foreach (string page in new[] { "/crimes", "/crimes/upload", "/crimes/trend" })
            {
                var refused = await web.Page.GotoAsync(page);
                Assert.Equal(403, refused!.Status);
            }
        }
    }

    private static async Task<List<string>> References(WebSession web) =>
        [.. await web.Page.GetByTestId("crime-table").Locator("tbody tr td:first-child").AllInnerTextsAsync()];
}
