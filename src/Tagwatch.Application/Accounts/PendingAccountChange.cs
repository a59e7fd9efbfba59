using NodaTime;

namespace Tagwatch.Application.Accounts;

/// <summary>A requested account change awaiting a second administrator.</summary>
/// <param name="Id">The request's number: the sequence of its audit record.</param>
/// <param name="RequestedBy">Who asked for it.</param>
/// <param name="RequestedAt">When.</param>
/// <param name="Change">The change.</param>
/// <param name="Reason">Why, as the requester stated it.</param>
public sealed record PendingAccountChange(long Id, string RequestedBy, Instant RequestedAt, AccountChange Change, string? Reason);
