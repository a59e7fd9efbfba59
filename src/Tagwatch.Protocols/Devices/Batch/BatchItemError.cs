namespace Tagwatch.Protocols.Devices.Batch;

/// <summary>One refused item of a batch upload.</summary>
/// <param name="Item">Where it is, e.g. <c>fixes[3]</c>.</param>
/// <param name="DeviceId">Its device, when readable.</param>
/// <param name="Field">The field at fault.</param>
/// <param name="Reason">Why.</param>
public sealed record BatchItemError(string? Item, string? DeviceId, string Field, string Reason);
