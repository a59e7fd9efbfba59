namespace Tagwatch.Application.Accounts;

/// <summary>Accounts and changes to them in words, as the audit log records them whichever door made the change.</summary>
public static class AccountDescriptions
{
    /// <summary>"disabled: role Police; boroughs [E09000022]; caseload []; disabled": what was done, and the account after it.</summary>
    public static string Of(string what, UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return $"{what}: role {account.Role}; boroughs [{string.Join(",", account.Boroughs)}]; caseload [{string.Join(",", account.Caseload)}]; {State(account)}";
    }

    /// <summary>The account's state in a word or three: disabled, locked, must change password, active.</summary>
    public static string State(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Disabled ? "disabled" : account.LockedOut ? "locked" : account.MustChangePassword ? "must change password" : "active";
    }
}
