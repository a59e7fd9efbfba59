using Microsoft.Playwright;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Geo;
using Tagwatch.Server.Tests;

namespace Tagwatch.Web.Tests;

/// <summary>The crimes map's switchable layers: police.uk area crimes counted per anonymised point (police see their
/// boroughs' only) and LSOA outlines drawn once zoomed in.</summary>
public sealed class CrimeAreaLayerTests(BrowserFixture browser) : IAsyncLifetime
{
    private SeededApi _seeded = null!;

    public async ValueTask InitializeAsync()
    {
        _seeded = await SeededApi.StartAsync();
        // Three crimes snapped to one point in the police user's borough, one in another borough.
        var (ownLat, ownLon) = _seeded.CentreOf("police");
        var (otherLat, otherLon) = _seeded.CentreOf("police-other");
        await _seeded.Server.Services.Crimes.AddAreaCrimesAsync(
        [
            Row(ownLat, ownLon, "Burglary", _seeded.PoliceBoroughs["police"]),
            Row(ownLat, ownLon, "Burglary", _seeded.PoliceBoroughs["police"]),
            Row(ownLat, ownLon, "Robbery", _seeded.PoliceBoroughs["police"]),
            Row(otherLat, otherLon, "Drugs", _seeded.PoliceBoroughs["police-other"]),
        ], TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _seeded.DisposeAsync();

    private static AreaCrime Row(double lat, double lon, string type, string borough) => new()
    {
        Month = new NodaTime.YearMonth(2019, 2),
        ReportedBy = "Metropolitan Police Service",
        Position = new GeoPoint(lat, lon),
        CrimeType = type,
        BoroughCode = borough,
    };

    [Fact]
    public async Task Police_switch_on_the_area_layer_and_see_their_boroughs_points_counted_with_a_legend()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "police");
        await web.Page.GotoAsync("/crimes?Filter.From=2019-02-01&Filter.To=2019-02-28");
        await Assertions.Expect(web.Page.GetByTestId("crime-map")).ToHaveAttributeAsync("data-tw-ready", "true");
        var squares = web.Page.Locator(".tw-area-crime");
        await Assertions.Expect(squares).ToHaveCountAsync(0);

        await web.Page.GetByLabel("Show police.uk area crimes").CheckAsync();

        await Assertions.Expect(web.Page.GetByTestId("area-crime-status")).ToHaveTextAsync("police.uk area crimes, February 2019: 3 crimes at 1 place.");
        await Assertions.Expect(squares).ToHaveCountAsync(1);
        await Assertions.Expect(squares).ToHaveTextAsync("3");
        await Assertions.Expect(web.Page.GetByText("police.uk area crimes: a square with the number of crimes at that anonymised point")).ToBeVisibleAsync();
        await squares.HoverAsync();
        await Assertions.Expect(web.Page.Locator(".leaflet-tooltip")).ToContainTextAsync("3 crimes: Burglary 2, Robbery 1");
        await web.AssertAccessibleAsync();
        await web.ScreenshotAsync("crimes-area-layer");

        await web.Page.GetByLabel("police.uk crime type").SelectOptionAsync("Robbery");
        await Assertions.Expect(web.Page.GetByTestId("area-crime-status")).ToHaveTextAsync("police.uk area crimes of type Robbery, February 2019: 1 crime at 1 place.");
        await Assertions.Expect(squares).ToHaveTextAsync("1");
        await web.Page.GetByLabel("police.uk crime type").SelectOptionAsync("Drugs"); // only in the other borough
        await Assertions.Expect(web.Page.GetByTestId("area-crime-status")).ToHaveTextAsync("police.uk area crimes of type Drugs, February 2019: 0 crimes at 0 places.");
        await Assertions.Expect(squares).ToHaveCountAsync(0);
        await web.Page.GetByLabel("police.uk crime type").SelectOptionAsync("");
        await Assertions.Expect(squares).ToHaveTextAsync("3");

        await web.Page.GetByLabel("Show police.uk area crimes").UncheckAsync();
        await Assertions.Expect(squares).ToHaveCountAsync(0);
        web.AssertNoProblems();
    }

    [Fact]
    public async Task Lsoa_outlines_wait_for_street_level_zoom_once_switched_on()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "reviewer");
        var lsoaFiles = new List<string>();
        web.Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/assets/boundaries/lsoa", StringComparison.Ordinal))
            {
                lsoaFiles.Add(request.Url);
            }
        };
        await web.Page.GotoAsync("/crimes?Filter.From=2019-02-01&Filter.To=2019-02-28");
        var map = web.Page.GetByTestId("crime-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-tw-ready", "true");
        await Assertions.Expect(map.Locator("path").First).ToBeAttachedAsync();
        Assert.Empty(lsoaFiles);
        var lsoaPaths = map.Locator("path[stroke-dasharray='3 3']");

        await web.Page.GetByLabel("Show LSOA outlines").CheckAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-tw-lsoa", "waiting-for-zoom");
        await Assertions.Expect(lsoaPaths).ToHaveCountAsync(0);

        for (int i = 0; i < 6 && await map.GetAttributeAsync("data-tw-lsoa") != "shown"; i++)
        {
            await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Zoom in" }).ClickAsync();
            await Assertions.Expect(map.Locator(".leaflet-zoom-anim")).ToHaveCountAsync(0);
        }

        await Assertions.Expect(map).ToHaveAttributeAsync("data-tw-lsoa", "shown");
        Assert.True(await lsoaPaths.CountAsync() > 0);
        Assert.Equal(4, lsoaFiles.Count);

        await web.Page.GetByLabel("Show LSOA outlines").UncheckAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-tw-lsoa", "off");
        await Assertions.Expect(lsoaPaths).ToHaveCountAsync(0);
        web.AssertNoProblems();
    }
}
