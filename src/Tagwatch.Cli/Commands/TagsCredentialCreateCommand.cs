using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Identity;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch tags credential create (--tag ID | --gateway) --name NAME</c>: an upload credential, shown once.</summary>
internal sealed class TagsCredentialCreateCommand : AsyncCommand<TagsCredentialCreateCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--tag <ID>")]
        [Description("The device the credential uploads for.")]
        public string? Tag { get; init; }

        [CommandOption("--gateway")]
        [Description("A gateway credential: uploads for any registered device.")]
        public bool Gateway { get; init; }

        [CommandOption("--name <NAME>")]
        [Description("What the credential is for, e.g. the vendor gateway's name.")]
        public string Name { get; init; } = "";

        public override ValidationResult Validate() =>
            (Tag is null) == Gateway ? ValidationResult.Success() : ValidationResult.Error("give exactly one of --tag ID or --gateway");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        TagId? tag = settings.Tag is null ? null : TagId.TryParse(settings.Tag, out var id, out string? error) ? id : throw new ArgumentException($"--tag: {error}");
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        var (credential, secret) = await workspace.Credentials.CreateAsync(tag, settings.Name, cancellationToken);
        await workspace.AuditAsync(Application.Audit.AuditActions.ChangeSettings, "credential", credential.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"device credential '{settings.Name}' created", cancellationToken);
        CliContext.Current.Console.MarkupLineInterpolated($"Credential {credential.Id} ({(credential.IsGateway ? "gateway" : $"device {credential.Tag}")}) created. Its secret is shown only now:");
        CliContext.Current.Out.WriteLine(secret);
        return ExitCodes.Ok;
    }
}
