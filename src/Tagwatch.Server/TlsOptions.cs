using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tagwatch.Server;

/// <summary>
/// HTTPS and TLS (section <c>Tls</c> of <c>Tagwatch:Server</c>): the server's certificate, which device listeners speak
/// TLS, and the cookie and HSTS rules that go with it. An <c>https://</c> address in <see cref="ServerOptions.Urls"/>
/// needs a certificate.
/// </summary>
public sealed record TlsOptions
{
    /// <summary>The certificate: a PEM file (<c>.pem</c>, <c>.crt</c>; its key in <see cref="KeyPath"/> or in the same
    /// file) or a PKCS#12 file (<c>.pfx</c>, <c>.p12</c>) holding the key too. Empty: no TLS.</summary>
    public string CertificatePath { get; init; } = "";

    /// <summary>The PEM private key, when it is not in <see cref="CertificatePath"/>.</summary>
    public string KeyPath { get; init; } = "";

    /// <summary>The PKCS#12 file's password, or the encrypted PEM key's; from configuration or the environment, never the command line.</summary>
    public string CertificatePassword { get; init; } = "";

    /// <summary>The OsmAnd listener speaks HTTPS (for devices and apps that can).</summary>
    public bool OsmAnd { get; init; }

    /// <summary>The GT06 listener speaks TLS (for devices and gateways that can).</summary>
    public bool Gt06 { get; init; }

    /// <summary>The H02 listener speaks TLS (for devices and gateways that can).</summary>
    public bool H02 { get; init; }

    /// <summary>Further device listeners that speak TLS, by protocol name, for protocols without a switch of their own above.</summary>
    public IReadOnlyList<string> DeviceProtocols { get; init; } = [];

    /// <summary>Whether the listener of <paramref name="protocol"/> speaks TLS.</summary>
    public bool For(Protocols.Devices.DeviceProtocol protocol) => protocol.Name switch
    {
        "osmand" => OsmAnd,
        "gt06" => Gt06,
        "h02" => H02,
        _ => DeviceProtocols.Contains(protocol.Name, StringComparer.OrdinalIgnoreCase),
    };

    /// <summary>Marks the session cookie <c>Secure</c> on every request, not only on HTTPS ones: for a
    /// server reached only through a TLS-terminating proxy that does not send <c>X-Forwarded-Proto</c>.</summary>
    public bool AlwaysSecureCookies { get; init; }

    /// <summary>How long browsers must remember to use HTTPS only (<c>Strict-Transport-Security</c> on HTTPS answers).</summary>
    public int HstsMaxAgeDays { get; init; } = 365;

    /// <summary>Whether a certificate is configured.</summary>
    public bool HasCertificate => !string.IsNullOrWhiteSpace(CertificatePath);

    /// <summary>Reads the configured certificate with its private key.</summary>
    /// <exception cref="ArgumentException">No certificate is configured, or it cannot be read or has no private key; the message names the file.</exception>
    public X509Certificate2 LoadCertificate()
    {
        if (!HasCertificate)
        {
            throw new ArgumentException("tls:certificate-path: no certificate is configured (--certificate or Tagwatch:Server:Tls:CertificatePath)");
        }

        string path = Path.GetFullPath(CertificatePath);
        try
        {
            string extension = Path.GetExtension(path).ToLowerInvariant();
            string? password = string.IsNullOrEmpty(CertificatePassword) ? null : CertificatePassword;
            var certificate = extension is ".pfx" or ".p12"
                ? X509CertificateLoader.LoadPkcs12FromFile(path, password)
                : LoadPem(path, string.IsNullOrWhiteSpace(KeyPath) ? null : Path.GetFullPath(KeyPath), password);
            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                throw new ArgumentException($"tls:certificate-path: '{path}' holds no private key (give the key with --certificate-key or Tls:KeyPath)");
            }

            return certificate;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"tls:certificate-path: cannot read the certificate '{path}'{(string.IsNullOrWhiteSpace(KeyPath) ? "" : $" with the key '{Path.GetFullPath(KeyPath)}'")}: {e.Message}", e);
        }
    }

    /// <summary>Checks the options, naming every problem; <paramref name="httpsAddresses"/> says whether any API address is https.</summary>
    public IReadOnlyList<string> Validate(bool httpsAddresses)
    {
        var problems = new List<string>();
        var needs = new List<string>();
        if (httpsAddresses)
        {
            needs.Add("an https:// address");
        }

        needs.AddRange(Protocols.Devices.DeviceProtocols.Served.Where(For).Select(p => $"TLS on the {p.Label} listener"));
        if (!HasCertificate)
        {
            if (needs.Count > 0)
            {
                problems.Add($"tls:certificate-path: {string.Join(" and ", needs)} needs a certificate (--certificate PATH or Tagwatch:Server:Tls:CertificatePath)");
            }
        }
        else
        {
            try
            {
                LoadCertificate().Dispose();
            }
            catch (ArgumentException e)
            {
                problems.Add(e.Message);
            }
        }

        if (HstsMaxAgeDays is < 0 or > 2 * 365)
        {
            problems.Add($"tls:hsts-max-age-days: {HstsMaxAgeDays} must be between 0 and 730");
        }

        return problems;
    }

    private static X509Certificate2 LoadPem(string certificatePath, string? keyPath, string? password)
    {
        if (keyPath is null)
        {
            // The key in the same file as the certificate.
            keyPath = certificatePath;
        }

        return password is null
            ? X509Certificate2.CreateFromPemFile(certificatePath, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(certificatePath, password, keyPath);
    }
}
