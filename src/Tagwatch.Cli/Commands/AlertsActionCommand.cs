using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;

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
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        await workspace.AlertDesk.AcknowledgeAsync(settings.Id, settings.By, settings.Note, cancellationToken);
        await workspace.AuditAsync(Application.Audit.AuditActions.HandleAlert, "alert", settings.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "acknowledged", cancellationToken);
        CliContext.Current.Console.MarkupLineInterpolated($"Alert {settings.Id} acknowledged.");
        return ExitCodes.Ok;
    }
}

/// <summary><c>tagwatch alerts resolve ID --by NAME --note TEXT</c>.</summary>
internal sealed class AlertsResolveCommand : AsyncCommand<AlertActionSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AlertActionSettings settings, CancellationToken cancellationToken)
    {
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        await workspace.AlertDesk.ResolveAsync(settings.Id, settings.By, settings.Note ?? "", cancellationToken);
        await workspace.AuditAsync(Application.Audit.AuditActions.HandleAlert, "alert", settings.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "resolved", cancellationToken);
        CliContext.Current.Console.MarkupLineInterpolated($"Alert {settings.Id} resolved.");
        return ExitCodes.Ok;
    }
}
