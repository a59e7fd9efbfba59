using NodaTime;
using Tagwatch.Protocols.Devices;

namespace Tagwatch.Application.Ingest;

/// <summary>One decoded device message on its way into the store, with the raw bytes it came in as.</summary>
/// <param name="Message">The decoded message; its <see cref="DeviceMessage.DeviceId"/> names the device.</param>
/// <param name="Received">When it reached the listener.</param>
/// <param name="Raw">The frame or request exactly as received, kept as evidence.</param>
/// <param name="Remote">The sender's address, for refused-device reports (never stored against a person).</param>
/// <param name="ListenerPort">The local port it arrived on, checked against the ports configured for its protocol
/// (<see cref="IngestOptions.ListenerPorts"/>).</param>
/// <param name="Proof">What vouches for its device (a credential, a gateway network); null for none.</param>
public sealed record IngestMessage(DeviceMessage Message, Instant Received, ReadOnlyMemory<byte> Raw, string? Remote = null, int? ListenerPort = null, DeviceProof? Proof = null);
