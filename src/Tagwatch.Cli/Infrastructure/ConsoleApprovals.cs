using Tagwatch.Cli.Hosting;
using Spectre.Console;
using Tagwatch.Application.Accounts;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>How the console tells that a scope grant made there waits for a second administrator, and how to approve it.</summary>
internal static class ConsoleApprovals
{
    public static void PrintPending(PendingApproval pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        CliContext.Current.Console.MarkupLineInterpolated($"Waiting for a second administrator's approval: request {pending.Id} ({pending.Change}).");
        CliContext.Current.Console.MarkupLineInterpolated($"Another administrator approves it with: tagwatch users approvals approve {pending.Id}");
    }

    /// <summary>The one-time password of a new account or a reset, on its own line so it can be copied or piped.</summary>
    public static void PrintOneTimePassword(string oneTime, string? username = null)
    {
        CliContext.Current.Console.MarkupLineInterpolated($"One-time password{(username is null ? "" : $" for {username}")} (shown once; must be changed at first sign-in):");
        CliContext.Current.Out.WriteLine(oneTime);
    }

    /// <summary>Prints a use case's failure on the error output and returns its exit code.</summary>
    public static int Fail(Application.UseCases.UseCaseFailure failure)
    {
        CliContext.Current.Error.WriteLine(UseCaseExit.Message(failure));
        return UseCaseExit.Code(failure);
    }
}
