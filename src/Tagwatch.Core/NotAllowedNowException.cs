namespace Tagwatch.Core;

/// <summary>
/// A well-formed request that the current state refuses: ending monitoring that has ended, disclosing a match that
/// is not qualified, acknowledging a resolved alert. The API answers it with 409; any other
/// <see cref="InvalidOperationException"/> is a fault.
/// </summary>
public sealed class NotAllowedNowException : InvalidOperationException
{
    public NotAllowedNowException()
    {
    }

    public NotAllowedNowException(string message)
        : base(message)
    {
    }

    public NotAllowedNowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
