using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Accounts;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch users approvals list</c>: account changes waiting for a second administrator.</summary>
internal sealed class UsersApprovalsListCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ListApprovals>().ExecuteAsync(ConsoleActor.In(Role.Administrator), new ListApprovalsRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            return ConsoleApprovals.Fail(result.Failure);
        }

        // One request a line, unwrapped, so the whole change can be read and searched.
        foreach (var p in result.Value)
        {
            CliContext.Current.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{p.Id}\t{p.RequestedAt}\t{p.RequestedBy}\t{p.Change.Describe()}{(p.Reason is null ? "" : $"\t({p.Reason})")}"));
        }

        if (result.Value.Count == 0)
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
        var result = await services.Provider.GetRequiredService<ApproveChange>().ExecuteAsync(ConsoleActor.In(Role.Administrator), new ApproveChangeRequest(settings.Id), cancellationToken);
        if (!result.Succeeded)
        {
            return ConsoleApprovals.Fail(result.Failure);
        }

        CliContext.Current.Console.MarkupLineInterpolated($"Request {settings.Id} approved: {result.Value.Description}.");
        if (result.Value.OneTimePassword is { } oneTime)
        {
            ConsoleApprovals.PrintOneTimePassword(oneTime);
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
        var result = await services.Provider.GetRequiredService<RejectChange>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new RejectChangeRequest(settings.Id, settings.Reason), cancellationToken);
        if (!result.Succeeded)
        {
            return ConsoleApprovals.Fail(result.Failure);
        }

        CliContext.Current.Console.MarkupLineInterpolated($"Request {settings.Id} rejected.");
        return ExitCodes.Ok;
    }
}
