using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>Whose tokens an actor may handle: their own always; anyone's with <see cref="Permission.ManageUsers"/>.</summary>
internal static class TokenAccess
{
    public static bool MayHandle(Actor actor, string? username) =>
        (username is not null && string.Equals(username, actor.Username, StringComparison.OrdinalIgnoreCase))
        || AccessPolicy.Allows(actor.Role, Permission.ManageUsers);
}
