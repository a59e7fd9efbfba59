using Microsoft.AspNetCore.Identity;

namespace Tagwatch.Storage.Model;

/// <summary>A local account (ASP.NET Core Identity) with the scheme's role and scope.</summary>
public sealed class UserRow : IdentityUser
{
    /// <summary>The account's one role (<see cref="Core.Access.Role"/> name).</summary>
    public required string Role { get; set; }

    /// <summary>Borough codes a police account is scoped to, comma-separated.</summary>
    public string Boroughs { get; set; } = "";

    public string? DisplayName { get; set; }

    /// <summary>Disabled accounts cannot sign in and their tokens stop working at once.</summary>
    public bool Disabled { get; set; }

    /// <summary>Set for one-time passwords (new accounts, resets): the first sign-in must choose a new one.</summary>
    public bool MustChangePassword { get; set; }

    public long CreatedUnixMs { get; set; }
}
