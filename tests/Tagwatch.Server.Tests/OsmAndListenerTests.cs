using System.Globalization;
using System.Net;
using System.Text;
using NodaTime;
using Tagwatch.Core.Identity;

namespace Tagwatch.Server.Tests;

public sealed class OsmAndListenerTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Get_RegisteredDevice_Answers200OnlyOnceTheFixIsStored()
    {
        long unix = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 60;

        var response = await _server.OsmAnd.GetAsync($"/?id={RunningServer.OsmAndId}&lat=51.4613&lon=-0.1156&timestamp={unix}&speed=2&bearing=45&accuracy=8&batt=77");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fix = Assert.Single(await _server.Services.Fixes.ReadAsync(TagId.Parse(RunningServer.OsmAndId), Instant.MinValue, Instant.MaxValue));
        Assert.Equal(Instant.FromUnixTimeSeconds(unix), fix.Time);
        Assert.Equal(8, fix.AccuracyMetres);
        Assert.Equal(3.7, fix.SpeedKmh);
        Assert.Equal(77, Assert.Single(await _server.Services.Ingest.ContactsAsync()).BatteryPercent);
    }

    [Fact]
    public async Task PostForm_RegisteredDevice_IsStored()
    {
        var response = await _server.OsmAnd.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["deviceid"] = RunningServer.OsmAndId,
            ["location"] = "51.5,-0.12",
            ["timestamp"] = TimeProvider.System.GetUtcNow().AddMinutes(-1).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await _server.Services.Fixes.ReadAsync(TagId.Parse(RunningServer.OsmAndId), Instant.MinValue, Instant.MaxValue));
    }

    [Fact]
    public async Task PostJson_RegisteredDevice_IsStored()
    {
        string time = TimeProvider.System.GetUtcNow().AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture);
        string body = $$$$"""{"device_id":"{{{{RunningServer.OsmAndId}}}}","location":{"timestamp":"{{{{time}}}}","coords":{"latitude":51.5,"longitude":-0.1,"accuracy":5},"battery":{"level":0.5}}}""";

        var response = await _server.OsmAnd.PostAsync("/", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await _server.Services.Fixes.ReadAsync(TagId.Parse(RunningServer.OsmAndId), Instant.MinValue, Instant.MaxValue));
    }

    [Fact]
    public async Task Get_UnknownDevice_Is400AndNothingIsStoredButTheRefusalIsCounted()
    {
        var response = await _server.OsmAnd.GetAsync("/?id=31337&lat=51.5&lon=-0.1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("31337", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("31337", Assert.Single(await _server.Services.Ingest.RefusedDevicesAsync()).DeviceId);
        Assert.Equal(0, (await _server.Services.Fixes.StatisticsAsync()).Fixes);
    }

    [Fact]
    public async Task PostJson_UnknownDevice_Is404()
    {
        var response = await _server.OsmAnd.PostAsync("/", new StringContent("""{"device_id":"31337","location":{"coords":{"latitude":51.5,"longitude":-0.1}}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/?id=902064&lat=95&lon=0", "lat '95'")]
    [InlineData("/?lat=51&lon=0", "'id' or 'deviceid'")]
    [InlineData("/?id=902064&lat=51&lon=0&timestamp=soon", "timestamp 'soon'")]
    public async Task Get_MalformedRequest_Is400WithTheReason(string path, string reason)
    {
        var response = await _server.OsmAnd.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OversizedBody_Is413AndTheListenerCarriesOn()
    {
        var big = new StringContent(new string('x', 200_000), Encoding.UTF8, "application/json");

        var response = await _server.OsmAnd.PostAsync("/", big);
        var next = await _server.OsmAnd.GetAsync($"/?id={RunningServer.OsmAndId}&lat=51.5&lon=-0.1&timestamp={TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task ManyRequestsFromOneAddress_AreAnswered429BeyondTheLimit()
    {
        await using var server = await RunningServer.StartAsync(o => o with { MaxRequestsPerSecondPerAddress = 2 });
        long unix = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 60;

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 10; i++)
        {
            statuses.Add((await server.OsmAnd.GetAsync($"/?id={RunningServer.OsmAndId}&lat=51.46&lon=-0.11&timestamp={unix + i}")).StatusCode);
        }

        // Two tokens a second: however the ten requests fall across a second's boundary, most are refused.
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 5, string.Join(", ", statuses));
    }

    [Fact]
    public async Task OsmAndPort_DoesNotServeTheApi()
    {
        var response = await _server.OsmAnd.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
