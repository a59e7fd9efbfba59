using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Tags;

/// <summary>Asks for every upload credential; it has no options.</summary>
public sealed record ListDeviceCredentialsRequest;

/// <summary>An administrator lists the upload credentials, newest first (never their secrets).</summary>
public sealed class ListDeviceCredentials(IDeviceCredentialStore credentials)
{
    public async Task<UseCaseResult<IReadOnlyList<DeviceCredential>>> ExecuteAsync(Actor actor, ListDeviceCredentialsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (TagsAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        return UseCaseResult<IReadOnlyList<DeviceCredential>>.Ok(await credentials.ListAsync(cancellationToken));
    }
}
