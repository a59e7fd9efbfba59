using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>Who may manage accounts and decide on requested changes: the roles the access policy gives <see cref="Permission.ManageUsers"/>.</summary>
internal static class AccountAccess
{
    public static UseCaseFailure? Refusal(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return AccessPolicy.Allows(actor.Role, Permission.ManageUsers) ? null : UseCaseFailure.Forbidden($"The {actor.Role} role does not manage accounts.");
    }

    /// <summary>An account store's refusal as a failure naming the request field (the store names it as the parameter).</summary>
    public static UseCaseFailure Invalid(ArgumentException e, string defaultField)
    {
        string field = e.ParamName is "username" or "password" or "boroughs" or "caseload" or "role" ? e.ParamName : defaultField;
        string message = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
        return UseCaseFailure.Invalid(field, message);
    }
}
