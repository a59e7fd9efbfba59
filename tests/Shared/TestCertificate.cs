using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tagwatch.Tests;

/// <summary>
/// A self-signed server certificate for 127.0.0.1 and localhost, made at test time and written as PEM (certificate and
/// key apart) and as PKCS#12, so tests talk TLS over loopback with nothing stored in the repository.
/// </summary>
internal sealed class TestCertificate
{
    public const string PfxPassword = "test-pfx-password";

    private TestCertificate(string pemPath, string keyPath, string pfxPath, byte[] sha256)
    {
        PemPath = pemPath;
        KeyPath = keyPath;
        PfxPath = pfxPath;
        Sha256 = sha256;
    }

    public string PemPath { get; }

    public string KeyPath { get; }

    public string PfxPath { get; }

    private byte[] Sha256 { get; }

    /// <summary>Makes a certificate valid from a minute ago for a day, and writes its files into <paramref name="directory"/>.</summary>
    public static TestCertificate Create(string directory)
    {
        Directory.CreateDirectory(directory);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-1), now.AddDays(1));

        string pem = Path.Combine(directory, "server.crt");
        string keyPem = Path.Combine(directory, "server.key");
        string pfx = Path.Combine(directory, "server.pfx");
        File.WriteAllText(pem, certificate.ExportCertificatePem());
        File.WriteAllText(keyPem, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, PfxPassword));
        return new TestCertificate(pem, keyPem, pfx, certificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    /// <summary>Whether <paramref name="presented"/> is this certificate (the tests' only trust anchor).</summary>
    public bool IsThis(X509Certificate? presented) =>
        presented is not null && presented.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(Sha256);

    /// <summary>Whether <paramref name="presented"/> is the certificate in <paramref name="certificatePath"/>.</summary>
    public static bool Matches(X509Certificate? presented, string certificatePath) =>
        presented is not null && presented.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(
            (Path.GetExtension(certificatePath) == ".pfx"
                ? X509CertificateLoader.LoadPkcs12FromFile(certificatePath, PfxPassword)
                : X509CertificateLoader.LoadCertificateFromFile(certificatePath)).GetCertHash(HashAlgorithmName.SHA256));
}
