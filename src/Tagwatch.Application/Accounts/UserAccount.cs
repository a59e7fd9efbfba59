using NodaTime;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>An account as administrators see it (never its password or secrets).</summary>
public sealed record UserAccount(
    string Id, string Username, Role Role, IReadOnlyList<string> Boroughs, IReadOnlyList<string> Caseload, string? DisplayName,
    bool Disabled, bool LockedOut, bool TwoFactor, bool MustChangePassword, Instant Created);
