using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Tags;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

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
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<CreateDeviceCredential>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new CreateDeviceCredentialRequest(settings.Tag, settings.Name), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var (credential, secret) = result.Value;
        CliContext.Current.Console.MarkupLineInterpolated($"Credential {credential.Id} ({(credential.IsGateway ? "gateway" : $"device {credential.Tag}")}) created. Its secret is shown only now:");
        CliContext.Current.Out.WriteLine(secret);
        return ExitCodes.Ok;
    }
}
