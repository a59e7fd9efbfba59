namespace Tagwatch.Application.UseCases;

/// <summary>An expected refusal of a use case, as a value: what kind, what to tell the user, and the request field concerned.</summary>
/// <param name="Kind">Why it failed.</param>
/// <param name="Message">What to tell the user, naming the value or subject concerned.</param>
/// <param name="Field">The request field at fault (snake_case, as the API names it), for <see cref="FailureKind.Invalid"/>.</param>
public sealed record UseCaseFailure(FailureKind Kind, string Message, string? Field = null)
{
    /// <summary>A wrong value in <paramref name="field"/>.</summary>
    public static UseCaseFailure Invalid(string field, string message) => new(FailureKind.Invalid, message, field);

    /// <summary>Nothing the actor may see answers to <paramref name="what"/> (e.g. "no offender A1234").</summary>
    public static UseCaseFailure NotFound(string what) => new(FailureKind.NotFound, what);

    /// <summary>Outside the actor's role or scope.</summary>
    public static UseCaseFailure Forbidden(string why) => new(FailureKind.Forbidden, why);

    /// <summary>Not allowed in the current state.</summary>
    public static UseCaseFailure Conflict(string why) => new(FailureKind.Conflict, why);

    /// <summary>Refused by a rule of the scheme.</summary>
    public static UseCaseFailure Refused(string why) => new(FailureKind.Refused, why);
}
