using System.Globalization;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;

namespace Tagwatch.Application.Ingest;

/// <summary>The one rule on who may report for a tag: the tag's registered protocol on that protocol's port, and for
/// HTTP uploads a credential that covers the tag (or an allow-listed gateway network).</summary>
/// <remarks>Pure and thread-safe. Checked by the ingest pipeline for every message before anything of it is stored;
/// a refusal is counted with its reason, never stored against the tag.</remarks>
public sealed class DeviceAdmission(IngestOptions options)
{
    /// <summary>Checks what can be known before the registry is asked: an upload that must prove its sender and does
    /// not is refused whatever device it names (so its answer never tells whether that device exists).</summary>
    public Refusal? CheckSender(IngestMessage ingest)
    {
        string protocol = ingest.Message.Protocol;
        if (!options.ProtocolsRequiringProof.Contains(protocol) || ingest.Proof is { Vouches: true })
        {
            return null;
        }

        return new Refusal(RefusalReason.NoCredential, ingest.Proof?.Failure is { } failure
            ? $"{protocol} uploads need a device credential: {failure}"
            : $"{protocol} uploads need a device credential (Authorization: Bearer, or the per-device URL path)");
    }

    /// <summary>Checks a message against the registered <paramref name="tag"/> it names.</summary>
    public Refusal? CheckBinding(Tag tag, IngestMessage ingest)
    {
        ArgumentNullException.ThrowIfNull(tag);
        string protocol = ingest.Message.Protocol;
        var credential = ingest.Proof?.Credential;
        if (credential is not null && !credential.Covers(tag.Id))
        {
            return new Refusal(RefusalReason.CredentialNotForDevice, $"the credential '{credential.Name}' may not upload for device {tag.Id}");
        }

        // A credentialed upload channel (the batch API) is bound by its credential: an administrator issued it for
        // this device, or for a gateway that forwards any registered device's fixes.
        if (options.CredentialBoundProtocols.Contains(protocol))
        {
            return credential is null ? new Refusal(RefusalReason.NoCredential, $"{protocol} uploads need a device or gateway credential") : null;
        }

        if (!string.Equals(tag.Protocol, protocol, StringComparison.OrdinalIgnoreCase))
        {
            return new Refusal(RefusalReason.WrongProtocol, $"device {tag.Id} is registered for {tag.Protocol}, not {protocol}");
        }

        if (options.ListenerPorts.TryGetValue(protocol, out var ports) && !(ingest.ListenerPort is { } port && ports.Contains(port)))
        {
            return new Refusal(RefusalReason.WrongPort, string.Create(
                CultureInfo.InvariantCulture,
                $"{protocol} message on port {ingest.ListenerPort?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}; {protocol} devices report on port {string.Join(", ", ports.Order())}"));
        }

        return null;
    }

    /// <summary>True when <paramref name="deviceId"/> has the syntax of a device identifier of <paramref name="protocol"/>
    /// (<see cref="Protocols.Devices.DeviceProtocol.IsDeviceId"/>: GT06 and H02 identifiers are 5 to 20 digits); any
    /// other protocol's are <see cref="TagId"/>s.</summary>
    public static bool IsWellFormed(string protocol, string deviceId)
    {
        if (!TagId.TryParse(deviceId, out var id, out _))
        {
            return false;
        }

        return Protocols.Devices.DeviceProtocols.Find(protocol) is not { } known || known.IsDeviceId(id.Value);
    }

    /// <summary>A refusal and its reason, in words for the device's answer and the record of refusals.</summary>
    public sealed record Refusal(RefusalReason Reason, string Detail);
}
