using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.UseCases;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary>Settings of <c>alerts ack</c> and <c>alerts resolve</c>.</summary>
internal sealed class AlertActionSettings : DatabaseSettings
{
    [CommandArgument(0, "<ID>")]
    public long Id { get; init; }

    [CommandOption("--by <NAME>")]
    [Description("The operator (recorded on the alert's trail).")]
    public string By { get; init; } = Environment.UserName;

    [CommandOption("--note <TEXT>")]
    [Description("What was done (required to resolve).")]
    public string? Note { get; init; }
}

/// <summary><c>tagwatch alerts ack ID --by NAME [--note TEXT]</c>.</summary>
internal sealed class AlertsAckCommand : AsyncCommand<AlertActionSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AlertActionSettings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<AcknowledgeAlert>().ExecuteAsync(
            ConsoleActor.In(Role.MonitoringOfficer), new HandleAlertRequest(settings.Id, settings.Note, settings.By), cancellationToken);
        return AlertActionOutput.Print(result, $"Alert {settings.Id} acknowledged.");
    }
}

/// <summary><c>tagwatch alerts resolve ID --by NAME --note TEXT</c>.</summary>
internal sealed class AlertsResolveCommand : AsyncCommand<AlertActionSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AlertActionSettings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ResolveAlert>().ExecuteAsync(
            ConsoleActor.In(Role.MonitoringOfficer), new HandleAlertRequest(settings.Id, settings.Note, settings.By), cancellationToken);
        return AlertActionOutput.Print(result, $"Alert {settings.Id} resolved.");
    }
}

/// <summary>What <c>alerts ack</c> and <c>alerts resolve</c> print: the confirmation, or the failure and its exit code.</summary>
internal static class AlertActionOutput
{
    public static int Print(UseCaseResult<Alert> result, string done)
    {
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        CliContext.Current.Console.MarkupLineInterpolated($"{done}");
        return ExitCodes.Ok;
    }
}
