using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tagwatch.Application.Accounts;

namespace Tagwatch.Server.Security;

/// <summary>At start-up, encrypts the second-factor seeds an earlier version stored in plain text.</summary>
internal sealed partial class AuthenticatorKeyProtection(IAccountSignIn accounts, ILogger<AuthenticatorKeyProtection> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        int encrypted = await accounts.ProtectStoredAuthenticatorKeysAsync(cancellationToken);
        if (encrypted > 0)
        {
            LogEncrypted(encrypted);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted {Count} second-factor seeds stored in plain text by an earlier version")]
    private partial void LogEncrypted(int count);
}
