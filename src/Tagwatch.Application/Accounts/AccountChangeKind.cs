using System.Text.Json.Serialization;

namespace Tagwatch.Application.Accounts;

/// <summary>The account changes that widen someone's scope, and so may need a second administrator's approval.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AccountChangeKind>))]
public enum AccountChangeKind
{
    /// <summary>A new account.</summary>
    CreateUser,

    /// <summary>A probation officer's caseload replaced.</summary>
    ReplaceCaseload,

    /// <summary>Another role (and boroughs).</summary>
    ChangeRole,

    /// <summary>Another user's password reset (whoever holds the one-time password can sign in as them).</summary>
    ResetPassword,
}
