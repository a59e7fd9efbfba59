using Tagwatch.Application.UseCases;

namespace Tagwatch.Application.Matches;

/// <summary>
/// The store applies a step under the workflow's rules in one transaction and throws when a concurrent change made it
/// not allowed; this turns those refusals into the use case's failures, so every door answers them the same.
/// </summary>
internal static class MatchStepFailures
{
    public static async Task<UseCaseResult<T>> RunAsync<T>(long id, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (KeyNotFoundException)
        {
            return MatchVisibility.Unknown(id);
        }
        catch (ArgumentException e) when (e.ParamName is { } field)
        {
            return UseCaseFailure.Invalid(field, e.Message);
        }
        catch (InvalidOperationException e)
        {
            return UseCaseFailure.Conflict(e.Message);
        }
    }
}
