using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch users approvals list</c>: account changes waiting for a second administrator.</summary>
internal sealed class UsersApprovalsListCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var pending = await ConsoleApprovals.Of(services).PendingAsync(cancellationToken);
        var table = new Table().AddColumns("id", "requested by", "requested at", "change", "reason");
        foreach (var p in pending)
        {
            table.AddRow(Markup.Escape(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), Markup.Escape(p.RequestedBy), Markup.Escape(p.RequestedAt.ToString()),
                Markup.Escape(p.Change.Describe()), Markup.Escape(p.Reason ?? ""));
        }

        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }
}

/// <summary>Settings naming one request.</summary>
internal class ApprovalSettings : DatabaseSettings
{
    [CommandArgument(0, "<ID>")]
    public long Id { get; init; }
}

/// <summary><c>tagwatch users approvals approve ID</c>: a different administrator makes the change take effect.</summary>
internal sealed class UsersApprovalsApproveCommand : AsyncCommand<ApprovalSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ApprovalSettings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await ConsoleApprovals.Of(services).ApproveAsync(settings.Id, ConsoleActor.Name, ConsoleActor.Role, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Request {settings.Id} approved: {result.Description}.");
        if (result.OneTimePassword is { } oneTime)
        {
            AnsiConsole.MarkupLineInterpolated($"One-time password (shown once; must be changed at first sign-in):");
            Console.Out.WriteLine(oneTime);
        }

        return ExitCodes.Ok;
    }
}

/// <summary><c>tagwatch users approvals reject ID --reason "…"</c>: nothing changes; the rejection is recorded.</summary>
internal sealed class UsersApprovalsRejectCommand : AsyncCommand<UsersApprovalsRejectCommand.Settings>
{
    internal sealed class Settings : ApprovalSettings
    {
        [CommandOption("--reason <TEXT>")]
        [Description("Why the request is rejected (required).")]
        public string Reason { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        await ConsoleApprovals.Of(services).RejectAsync(settings.Id, ConsoleActor.Name, ConsoleActor.Role, settings.Reason, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Request {settings.Id} rejected.");
        return ExitCodes.Ok;
    }
}
