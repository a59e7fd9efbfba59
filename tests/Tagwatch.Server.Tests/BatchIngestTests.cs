using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NodaTime;
using Tagwatch.Core.Identity;

namespace Tagwatch.Server.Tests;

public sealed class BatchIngestTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Upload_WithoutCredential_Is401ProblemDetails()
    {
        var response = await _server.Api.PostAsync("/api/v1/ingest/batch", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Upload_GatewayCredential_StoresEveryDeviceAndIsIdempotentOnRetry()
    {
        var (_, secret) = await _server.Services.Credentials.CreateAsync(null, "vendor gateway");
        string body = Body(
            Fix(RunningServer.Gt06Imei, 0, 51.46),
            Fix(RunningServer.Gt06Imei, 1, 51.461),
            Fix(RunningServer.OsmAndId, 0, 51.5));

        var first = await PostAsync(secret, body);
        var retry = await PostAsync(secret, body);

        Assert.Equal(3, first.GetProperty("accepted").GetInt64());
        Assert.Equal(3, retry.GetProperty("accepted").GetInt64());
        Assert.Equal(2, (await _server.Services.Fixes.ReadAsync(TagId.Parse(RunningServer.Gt06Imei), Instant.MinValue, Instant.MaxValue)).Count);
        Assert.Single(await _server.Services.Fixes.ReadAsync(TagId.Parse(RunningServer.OsmAndId), Instant.MinValue, Instant.MaxValue));
    }

    [Fact]
    public async Task Upload_BadItems_AreReportedByIndexAndFieldAndTheRestStored()
    {
        var (_, secret) = await _server.Services.Credentials.CreateAsync(null, "gateway");
        string body = Body(
            Fix(RunningServer.Gt06Imei, 0, 51.46),
            Fix(RunningServer.Gt06Imei, 1, 95),
            """{"device_id":"863586038760942","time":"yesterday","lat":51,"lon":0}""",
            Fix("31337", 0, 51.46));

        var answer = await PostAsync(secret, body);

        Assert.Equal(1, answer.GetProperty("accepted").GetInt64());
        var rejected = answer.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("item").GetString(), r.GetProperty("field").GetString())).ToList();
        Assert.Equal([("fixes[1]", "lat"), ("fixes[2]", "time")], rejected);
        Assert.Equal(["31337"], answer.GetProperty("refused_devices").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task Upload_DeviceCredential_MayNotWriteForAnotherDevice()
    {
        var (_, secret) = await _server.Services.Credentials.CreateAsync(TagId.Parse(RunningServer.OsmAndId), "phone");

        var answer = await PostAsync(secret, Body(Fix(RunningServer.OsmAndId, 0, 51.5), Fix(RunningServer.Gt06Imei, 0, 51.5)));

        Assert.Equal(1, answer.GetProperty("accepted").GetInt64());
        Assert.Contains("may not upload", answer.GetProperty("rejected")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_RevokedCredential_Is401()
    {
        var (credential, secret) = await _server.Services.Credentials.CreateAsync(null, "old gateway");
        await _server.Services.Credentials.RevokeAsync(credential.Id);

        using var request = Request(secret, Body(Fix(RunningServer.Gt06Imei, 0, 51.46)));
        var response = await _server.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Upload_MalformedJson_Is400()
    {
        var (_, secret) = await _server.Services.Credentials.CreateAsync(null, "gateway");

        using var request = Request(secret, """{"fixes":[{"device_id":""");
        var response = await _server.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Upload_ChunkedBodyOverTheLimit_Is413AndStoresNothing()
    {
        await using var server = await RunningServer.StartAsync(o => o with { MaxBatchBodyBytes = 2048 });
        var (_, secret) = await server.Services.Credentials.CreateAsync(null, "gateway");
        byte[] body = Encoding.UTF8.GetBytes(Body([.. Enumerable.Range(0, 40).Select(i => Fix(RunningServer.Gt06Imei, i % 9, 51.46))]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ingest/batch")
        {
            Content = new StreamContent(new MemoryStream(body)), // no Content-Length: sent chunked
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", secret) },
        };
        request.Headers.TransferEncodingChunked = true;

        var response = await server.Api.SendAsync(request);

        Assert.True(body.Length > 2048);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, (await server.Services.Fixes.StatisticsAsync()).Fixes);
    }

    [Fact]
    public async Task Upload_Events_AreStoredAsDeviceEvents()
    {
        var (_, secret) = await _server.Services.Credentials.CreateAsync(null, "gateway");
        string time = TimeProvider.System.GetUtcNow().AddMinutes(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        var answer = await PostAsync(secret, $$"""{"events":[{"device_id":"{{RunningServer.Gt06Imei}}","time":"{{time}}","kind":"strap_tamper"},{"device_id":"{{RunningServer.Gt06Imei}}","time":"{{time}}","kind":"exploded"}]}""");

        Assert.Equal(1, answer.GetProperty("accepted").GetInt64());
        Assert.Equal("kind", answer.GetProperty("rejected")[0].GetProperty("field").GetString());
        Assert.Single(await _server.Services.Ingest.EventsAsync(TagId.Parse(RunningServer.Gt06Imei), Instant.MinValue, Instant.MaxValue));
    }

    private static string Fix(string device, int minute, double lat) =>
        $$"""{"device_id":"{{device}}","time":"{{TimeProvider.System.GetUtcNow().AddMinutes(-10 + minute).ToString("yyyy-MM-ddTHH:mm:00Z", System.Globalization.CultureInfo.InvariantCulture)}}","lat":{{lat.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"lon":-0.11,"accuracy_m":6}""";

    private static string Body(params string[] fixes) => $$"""{"fixes":[{{string.Join(',', fixes)}}]}""";

    private static HttpRequestMessage Request(string secret, string body) => new(HttpMethod.Post, "/api/v1/ingest/batch")
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", secret) },
    };

    private async Task<JsonElement> PostAsync(string secret, string body)
    {
        using var request = Request(secret, body);
        var response = await _server.Api.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
