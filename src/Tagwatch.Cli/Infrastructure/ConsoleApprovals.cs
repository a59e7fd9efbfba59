using Tagwatch.Cli.Hosting;
using Spectre.Console;
using Tagwatch.Application.Accounts;
using Tagwatch.Storage;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>The console's door to <see cref="AccountApprovals"/>: scope grants made at the console wait for a second administrator too.</summary>
internal static class ConsoleApprovals
{
    public static AccountApprovals Of(TagwatchServices services) => services.Approvals(AppSettings.RequireSecondApproval(AppSettings.Read()));

    /// <summary>Submits <paramref name="change"/> as the console actor; prints the request when it waits, and returns the result when made.</summary>
    public static async Task<AccountChangeResult?> SubmitAsync(TagwatchServices services, AccountChange change, CancellationToken cancellationToken)
    {
        var submission = await Of(services).SubmitAsync(change, ConsoleActor.Name, ConsoleActor.Role, null, cancellationToken);
        if (submission.IsPending)
        {
            CliContext.Current.Console.MarkupLineInterpolated($"Waiting for a second administrator's approval: request {submission.PendingId} ({change.Describe()}).");
            CliContext.Current.Console.MarkupLineInterpolated($"Another administrator approves it with: tagwatch users approvals approve {submission.PendingId}");
        }

        return submission.Result;
    }
}
