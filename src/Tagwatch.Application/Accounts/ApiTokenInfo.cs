using NodaTime;

namespace Tagwatch.Application.Accounts;

/// <summary>A personal API token as listed (its secret is shown only once, on creation).</summary>
public sealed record ApiTokenInfo(long Id, string Username, string Name, Instant Created, Instant Expires, Instant? Revoked, Instant? LastUsed);
