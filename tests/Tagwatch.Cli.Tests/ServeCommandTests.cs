namespace Tagwatch.Cli.Tests;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_HttpsWithoutACertificate_IsRefusedNamingWhatIsMissing()
    {
        using var tagwatch = new TagwatchProcess();

        var refused = await tagwatch.RunAsync("serve", "--urls", "https://127.0.0.1:5443", "--osmand-port", "0", "--gt06-port", "0", "--h02-port", "0", "--db", tagwatch.DatabasePath);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("an https:// address needs a certificate (--certificate PATH", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithACertificateItCannotRead_NamesTheFile()
    {
        using var tagwatch = new TagwatchProcess();
        string notACertificate = tagwatch.Write("server.pem", "not a certificate\n");

        var refused = await tagwatch.RunAsync(
            "serve", "--urls", "https://127.0.0.1:5443", "--certificate", notACertificate, "--osmand-port", "0", "--gt06-port", "0", "--h02-port", "0", "--db", tagwatch.DatabasePath);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"cannot read the certificate '{notACertificate}'", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithAPemCertificateAndKey_PassesItsChecks()
    {
        using var tagwatch = new TagwatchProcess();
        var certificate = TestCertificate.Create(Path.Combine(tagwatch.WorkingDirectory, "tls"));

        // An address that cannot be bound stops the server after the options were accepted: the certificate was read.
        var started = await tagwatch.RunAsync(
            "serve", "--urls", "https://192.0.2.1:5443", "--certificate", certificate.PemPath, "--certificate-key", certificate.KeyPath,
            "--osmand-port", "0", "--gt06-port", "0", "--h02-port", "0", "--db", tagwatch.DatabasePath);

        Assert.DoesNotContain("certificate", started.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Invalid server options", started.Error, StringComparison.Ordinal);
    }
}
