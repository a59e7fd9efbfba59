using Tagwatch.Cli.Hosting;
using Tagwatch.Application.Imports;
using Tagwatch.Correlation.Scored;
using Tagwatch.Application.Correlation;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>After an import, checks what changed at once: new or changed crimes against all history (the import queued
/// them in its own transaction; any left waiting by an earlier import that was stopped are checked with them), and
/// late fixes against the crimes whose windows they touch. The summary goes to standard error so that --json output
/// stays one line.</summary>
internal static class IncrementalCorrelation
{
    public static async Task AfterImportAsync(Workspace services, ImportReport report, CancellationToken cancellationToken)
    {
        var parameters = new ScoringParameters();
        var requestedBy = $"import by {Environment.UserName}";
        if (await services.Get<PendingCorrelation>().RunCrimesAsync(requestedBy, cancellationToken) is { } crimes)
        {
            Print("new or changed crimes", crimes);
        }

        if (report.FixSpan is { } span)
        {
            if (await services.Get<ScoredCorrelation>().RunForFixesAsync(parameters, span.From, span.To, requestedBy, cancellationToken) is { } outcome)
            {
                Print("crimes touched by the new fixes", outcome);
            }
            else
            {
                CliContext.Current.Error.WriteLine("correlation (crimes touched by the new fixes): no crime's window touches them; nothing to check");
            }
        }
    }

    /// <summary>Prints what a correlation run found, to standard error.</summary>
    internal static void Print(string what, Application.Correlation.ScoredCorrelation.Outcome outcome) =>
        CliContext.Current.Error.WriteLine(
            $"correlation ({what}): {outcome.Run.Crimes} crimes × {outcome.Run.Subjects} people → {outcome.Run.Matches} matches, {outcome.Run.Significant} significant; " +
            $"{outcome.Saved.Created} new, {outcome.Saved.Updated} updated, {outcome.Saved.Withdrawn} withdrawn, {outcome.Saved.Amended} disclosed with an amendment (run {outcome.Run.Id})");
}
