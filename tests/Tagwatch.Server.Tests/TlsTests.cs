using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;
using Tagwatch.Protocols.Devices.Gt06;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Server.Tests;

/// <summary>HTTPS for the API with a configured certificate, TLS on a device listener, Secure cookies and HSTS.</summary>
public sealed class TlsTests
{
    private const string Password = "correct horse battery staple";

    [Theory]
    [InlineData("pem")]
    [InlineData("pfx")]
    public async Task Serve_OverHttpsWithTheConfiguredCertificate_SignsInWithASecureCookieAndSendsHsts(string format)
    {
        string directory = RunningServer.NewDirectory();
        var certificate = TestCertificate.Create(Path.Combine(directory, "tls"));
        var tls = format == "pem"
            ? new TlsOptions { CertificatePath = certificate.PemPath, KeyPath = certificate.KeyPath }
            : new TlsOptions { CertificatePath = certificate.PfxPath, CertificatePassword = TestCertificate.PfxPassword };
        await using var server = await RunningServer.StartAsync(
            o => o with { Urls = o.Urls.Replace("http://", "https://", StringComparison.Ordinal), Tls = tls }, AddMonitorAsync, directory: directory);
        using var browser = server.NewClient(new CookieContainer());

        var signIn = await browser.PostAsJsonAsync("/api/v1/session", new { username = "mo.centre", password = Password });

        Assert.Equal("https", browser.BaseAddress!.Scheme);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        string cookies = string.Join("\n", signIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("tagwatch.session=", cookies, StringComparison.Ordinal);
        Assert.All(signIn.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("max-age=31536000", signIn.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/alerts")).StatusCode);
    }

    [Fact]
    public async Task Serve_OverPlainHttp_SendsNoHstsAndNoSecureCookieUnlessConfiguredAlways()
    {
        await using var plain = await RunningServer.StartAsync(beforeStart: AddMonitorAsync);
        await using var always = await RunningServer.StartAsync(o => o with { Tls = new TlsOptions { AlwaysSecureCookies = true } }, AddMonitorAsync);

        var plainSignIn = await plain.Api.PostAsJsonAsync("/api/v1/session", new { username = "mo.centre", password = Password });
        var alwaysSignIn = await always.Api.PostAsJsonAsync("/api/v1/session", new { username = "mo.centre", password = Password });

        Assert.False(plainSignIn.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", string.Join("\n", plainSignIn.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, alwaysSignIn.StatusCode);
        Assert.Contains("; secure", alwaysSignIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tagwatch.session=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Gt06Listener_WithTls_AcknowledgesALoginSentThroughTheHandshake()
    {
        string directory = RunningServer.NewDirectory();
        var certificate = TestCertificate.Create(Path.Combine(directory, "tls"));
        await using var server = await RunningServer.StartAsync(
            o => o with { Tls = new TlsOptions { CertificatePath = certificate.PemPath, KeyPath = certificate.KeyPath, Gt06 = true } }, directory: directory);
        using var device = await RunningServer.ConnectAsync(server.Options.Gt06Port);
        await using var tls = new SslStream(device.GetStream(), leaveInnerStreamOpen: false, (_, presented, _, _) => certificate.IsThis(presented));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "127.0.0.1" }, timeout.Token);
        await tls.WriteAsync(Gt06Frames.Login(RunningServer.Gt06Imei, 1), timeout.Token);
        var ack = new byte[10];
        await tls.ReadExactlyAsync(ack, timeout.Token);

        Assert.Equal(Gt06Frames.Ack(0x01, 1, false), ack);
    }

    [Fact]
    public void Validate_HttpsOrDeviceTlsWithoutACertificate_NamesWhatNeedsOne()
    {
        var https = new ServerOptions { Urls = "https://127.0.0.1:5443" }.Validate();
        var device = new ServerOptions { Tls = new TlsOptions { H02 = true } }.Validate();
        var missing = new ServerOptions { Urls = "https://127.0.0.1:5443", Tls = new TlsOptions { CertificatePath = "/nowhere/server.pem" } }.Validate();

        Assert.Contains(https, p => p.Contains("an https:// address needs a certificate", StringComparison.Ordinal));
        Assert.Contains(device, p => p.Contains("TLS on the H02 listener needs a certificate", StringComparison.Ordinal));
        Assert.Contains(missing, p => p.Contains("cannot read the certificate '/nowhere/server.pem'", StringComparison.Ordinal));
    }

    private static async Task AddMonitorAsync(Storage.TagwatchServices services)
    {
        var accounts = services.Accounts;
        await accounts.CreateAsync(new NewUser("mo.centre", Role.MonitoringOfficer, [], []), Password);
    }
}
