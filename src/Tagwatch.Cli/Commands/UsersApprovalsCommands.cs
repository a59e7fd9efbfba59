using Tagwatch.Cli.Hosting;
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
        // One request a line, unwrapped, so the whole change can be read and searched.
        foreach (var p in pending)
        {
            CliContext.Current.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{p.Id}\t{p.RequestedAt}\t{p.RequestedBy}\t{p.Change.Describe()}{(p.Reason is null ? "" : $"\t({p.Reason})")}"));
        }

        if (pending.Count == 0)
        {
            CliContext.Current.Console.MarkupLine("No account change is waiting for approval.");
        }

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
        CliContext.Current.Console.MarkupLineInterpolated($"Request {settings.Id} approved: {result.Description}.");
        if (result.OneTimePassword is { } oneTime)
        {
            CliContext.Current.Console.MarkupLineInterpolated($"One-time password (shown once; must be changed at first sign-in):");
            CliContext.Current.Out.WriteLine(oneTime);
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
        CliContext.Current.Console.MarkupLineInterpolated($"Request {settings.Id} rejected.");
        return ExitCodes.Ok;
    }
}
