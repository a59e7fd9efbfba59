using Tagwatch.Application.Tags;

namespace Tagwatch.Application.Ingest;

/// <summary>What vouches that a message comes from the device it names, beyond the listener it arrived on.</summary>
/// <remarks>GT06 and H02 carry no secret: for them there is no proof, only the binding of the tag to its protocol and
/// port. HTTP uploads (OsmAnd, batch) need one: a device or gateway credential, or the sender's address in a gateway
/// network allow-listed by configuration.</remarks>
public sealed record DeviceProof
{
    private DeviceProof()
    {
    }

    /// <summary>Nothing presented.</summary>
    public static DeviceProof None { get; } = new();

    /// <summary>A valid (known, unrevoked) credential was presented.</summary>
    public DeviceCredential? Credential { get; private init; }

    /// <summary>The allow-listed gateway network the sender's address is in.</summary>
    public string? GatewayNetwork { get; private init; }

    /// <summary>Why what was presented proves nothing (an unknown or revoked credential).</summary>
    public string? Failure { get; private init; }

    /// <summary>True when the message is vouched for by a credential or a gateway network.</summary>
    public bool Vouches => Credential is not null || GatewayNetwork is not null;

    /// <summary>A valid credential.</summary>
    public static DeviceProof Of(DeviceCredential credential) => new() { Credential = credential ?? throw new ArgumentNullException(nameof(credential)) };

    /// <summary>The sender's address is in <paramref name="network"/>, an allow-listed gateway network.</summary>
    public static DeviceProof FromGatewayNetwork(string network) => new() { GatewayNetwork = network };

    /// <summary>Something was presented that proves nothing, for <paramref name="reason"/>.</summary>
    public static DeviceProof Unrecognised(string reason) => new() { Failure = reason };
}
