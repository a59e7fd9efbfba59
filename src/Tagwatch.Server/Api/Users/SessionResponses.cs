using Tagwatch.Core.Access;

namespace Tagwatch.Server.Api.Users;

/// <summary>A session begun: who signed in, whether they must choose a new password first, and the anti-forgery token for changing requests.</summary>
public sealed record SignedInResponse(string Username, Role Role, bool MustChangePassword, string? CsrfToken);

/// <summary>The session's own account: role, scope, what the role may do, and the anti-forgery token.</summary>
public sealed record SessionResponse(string Username, Role Role, IReadOnlyList<string> Boroughs, IReadOnlyList<string> Caseload, IReadOnlyList<Permission> Permissions, string? CsrfToken);

/// <summary>A new authenticator key (base32) and its <c>otpauth://</c> URI for a QR code; the second factor is off until confirmed.</summary>
public sealed record AuthenticatorKeyResponse(string Key, string Uri);
