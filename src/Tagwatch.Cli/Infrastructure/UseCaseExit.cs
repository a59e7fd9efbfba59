using Tagwatch.Application.UseCases;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>The console's translation of a use case's failure: the exit code the README documents for it.</summary>
internal static class UseCaseExit
{
    public static int Code(UseCaseFailure failure) => failure.Kind switch
    {
        FailureKind.Invalid => ExitCodes.Usage,
        FailureKind.NotFound => ExitCodes.Failed,
        FailureKind.Forbidden or FailureKind.Conflict or FailureKind.Refused => ExitCodes.Refused,
        _ => ExitCodes.Failed,
    };

    /// <summary>The line to print: the failure's message, with the option at fault when there is one.</summary>
    public static string Message(UseCaseFailure failure) =>
        failure.Field is null ? failure.Message : $"{failure.Field}: {failure.Message}";
}
