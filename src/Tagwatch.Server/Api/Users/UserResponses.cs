using System.Globalization;
using NodaTime;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Api.Users;

/// <summary>An account as administrators see it: role, scope and state, never a password or secret.</summary>
public sealed record UserResponse(
    string Username, Role Role, IReadOnlyList<string> Boroughs, IReadOnlyList<string> Caseload, string? DisplayName,
    bool Disabled, bool LockedOut, bool SecondFactor, bool MustChangePassword, Instant Created)
{
    internal static UserResponse From(UserAccount u) =>
        new(u.Username, u.Role, u.Boroughs, u.Caseload, u.DisplayName, u.Disabled, u.LockedOut, u.TwoFactor, u.MustChangePassword, u.Created);
}

/// <summary>A new account; its one-time password (null when a password was chosen) is in this answer only.</summary>
public sealed record UserCreatedResponse(UserResponse User, string? OneTimePassword);

/// <summary>A password reset: the one-time password, shown this once.</summary>
public sealed record PasswordResetResponse(string Username, string? OneTimePassword);

/// <summary>202: the change is recorded and takes effect when a second administrator approves request <paramref name="Approval"/>.</summary>
public sealed record ApprovalPendingResponse(long Approval, string Status, string Change, string Message)
{
    internal static ApprovalPendingResponse From(PendingApproval pending) => new(
        pending.Id, "pending", pending.Change,
        "This change widens what the account may see: it takes effect when a second administrator approves it (POST /api/v1/users/approvals/"
        + pending.Id.ToString(CultureInfo.InvariantCulture) + "/approve).");

    internal static string Location(PendingApproval pending) => $"/api/v1/users/approvals/{pending.Id.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>An account change waiting for a second administrator.</summary>
public sealed record AccountApprovalResponse(long Id, string RequestedBy, Instant RequestedAt, AccountChangeKind Kind, string Username, string Change, string? Reason)
{
    internal static AccountApprovalResponse From(PendingAccountChange p) =>
        new(p.Id, p.RequestedBy, p.RequestedAt, p.Change.Kind, p.Change.Username, p.Change.Describe(), p.Reason);
}

/// <summary>An approved change in words; a new account's or a reset's one-time password, shown this once.</summary>
public sealed record ApprovalGrantedResponse(long Id, string Approved, string? OneTimePassword);

/// <summary>A rejected request: nothing changed.</summary>
public sealed record ApprovalRejectedResponse(long Id, bool Rejected);
