using Tagwatch.Core.Identity;

namespace Tagwatch.Protocols.Devices.Batch;

/// <summary>A batch upload body, read: one message per device, the items refused, or a problem with the whole body.</summary>
/// <param name="Items">Items in the body (fixes and events), valid or not.</param>
/// <param name="Devices">Each device's valid items as one message, with the items' own JSON as its raw evidence.</param>
/// <param name="Rejected">Items refused, by array, index and field.</param>
/// <param name="Problem">Why the whole body is refused (nothing in it is read), or null.</param>
/// <param name="ProblemDetail">More on <paramref name="Problem"/> (the JSON reader's own words), or null.</param>
public sealed record BatchUpload(
    int Items, IReadOnlyList<BatchDeviceUpload> Devices, IReadOnlyList<BatchItemError> Rejected, string? Problem = null, string? ProblemDetail = null)
{
    /// <summary>A body refused as a whole.</summary>
    public static BatchUpload Refused(string problem, int items = 0, string? detail = null) => new(items, [], [], problem, detail);
}

/// <summary>One device's valid items of an upload.</summary>
/// <param name="Device">The device.</param>
/// <param name="Message">Its fixes and events as one message of the batch protocol.</param>
/// <param name="Raw">The items as they were sent, a JSON array (kept as evidence).</param>
public sealed record BatchDeviceUpload(TagId Device, DeviceMessage Message, byte[] Raw);
