namespace Tagwatch.Application.UseCases;

/// <summary>Why a use case did not do what was asked; each door maps it to its own answer (an HTTP status, an exit code, a page message).</summary>
public enum FailureKind
{
    /// <summary>A value in the request is wrong (the failure names the field): HTTP 400, exit code 2.</summary>
    Invalid,

    /// <summary>The subject does not exist, or the actor may not know it exists: HTTP 404, exit code 1.</summary>
    NotFound,

    /// <summary>The actor's role or scope does not cover the subject: HTTP 403, exit code 4.</summary>
    Forbidden,

    /// <summary>The step is not allowed in the subject's current state: HTTP 409, exit code 4.</summary>
    Conflict,

    /// <summary>A rule of the scheme refused the request (with its reasons): HTTP 422, exit code 4.</summary>
    Refused,
}
