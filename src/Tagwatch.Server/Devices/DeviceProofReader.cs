using System.Net;
using Microsoft.AspNetCore.Http;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Tags;

namespace Tagwatch.Server.Devices;

/// <summary>Reads what vouches for an HTTP device upload: the device's credential as <c>Authorization: Bearer</c> (preferred),
/// the credential as the URL path (<c>/twd_…</c>, for trackers that can set only a server URL), or the sender's address in
/// an allow-listed gateway network.</summary>
/// <remarks>A credential that is presented but unknown or revoked proves nothing, even from a gateway network: a wrong
/// secret is a warning sign, not a detail to forgive.</remarks>
public sealed class DeviceProofReader(IDeviceCredentialStore credentials, IReadOnlyList<IPNetwork> gatewayNetworks)
{
    /// <summary>The proof the request carries.</summary>
    public async Task<DeviceProof> ReadAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        string? header = http.Request.Headers.Authorization;
        if (header is not null)
        {
            return header.StartsWith("Bearer ", StringComparison.Ordinal)
                ? await VerifyAsync(header["Bearer ".Length..].Trim(), "the credential in the Authorization header", http.RequestAborted)
                : DeviceProof.Unrecognised("the Authorization header is not 'Bearer <credential>'");
        }

        if (PathSecret(http.Request.Path) is { } secret)
        {
            return await VerifyAsync(secret, "the credential in the URL path", http.RequestAborted);
        }

        var address = http.Connection.RemoteIpAddress;
        if (address is not null)
        {
            address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            foreach (var network in gatewayNetworks)
            {
                if (network.Contains(address))
                {
                    return DeviceProof.FromGatewayNetwork(network.ToString());
                }
            }
        }

        return DeviceProof.None;
    }

    /// <summary>The credential when the path is <c>/twd_…</c>, else null.</summary>
    public static string? PathSecret(PathString path) =>
        path.Value is { } value && value.StartsWith("/" + DeviceCredential.SecretPrefix, StringComparison.Ordinal) ? value[1..].TrimEnd('/') : null;

    private async Task<DeviceProof> VerifyAsync(string secret, string where, CancellationToken cancellationToken) =>
        await credentials.VerifyAsync(secret, cancellationToken) is { } credential
            ? DeviceProof.Of(credential)
            : DeviceProof.Unrecognised($"{where} is not known or has been revoked");
}
