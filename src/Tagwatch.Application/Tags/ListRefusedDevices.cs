using Tagwatch.Application.Ingest;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Tags;

/// <summary>Asks for every refused device; it has no options.</summary>
public sealed record ListRefusedDevicesRequest;

/// <summary>
/// An administrator lists the device messages refused (unregistered devices, forged or misrouted reports), how often and
/// why, most recent first. Identifiers and details are as the senders wrote them: a door escapes them before printing.
/// </summary>
public sealed class ListRefusedDevices(IIngestStore ingest)
{
    public async Task<UseCaseResult<IReadOnlyList<RefusedDevice>>> ExecuteAsync(Actor actor, ListRefusedDevicesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (TagsAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        return UseCaseResult<IReadOnlyList<RefusedDevice>>.Ok(await ingest.RefusedDevicesAsync(cancellationToken));
    }
}
