using Tagwatch.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch tags credential revoke ID</c>.</summary>
internal sealed class TagsCredentialRevokeCommand : AsyncCommand<TagsCredentialRevokeCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<ID>")]
        public long Id { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        if (!await workspace.Credentials.RevokeAsync(settings.Id, cancellationToken))
        {
            throw new KeyNotFoundException($"There is no credential {settings.Id}.");
        }

        await workspace.AuditAsync(Application.Audit.AuditActions.ChangeSettings, "credential", settings.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "device credential revoked", cancellationToken);
        CliContext.Current.Console.MarkupLineInterpolated($"Credential {settings.Id} revoked.");
        return ExitCodes.Ok;
    }
}
