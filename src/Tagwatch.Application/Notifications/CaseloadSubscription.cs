using NodaTime;

namespace Tagwatch.Application.Notifications;

/// <summary>A responsible officer's opt-in to e-mail notice of their caseload's alerts.</summary>
/// <param name="Username">The probation officer's account.</param>
/// <param name="Email">Where the notices go, as the officer stated it.</param>
/// <param name="Since">When they opted in (or last changed the address).</param>
public sealed record CaseloadSubscription(string Username, string Email, Instant Since);
