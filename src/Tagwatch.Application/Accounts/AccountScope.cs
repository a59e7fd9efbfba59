using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Boroughs;

namespace Tagwatch.Application.Accounts;

/// <summary>
/// The one rule of an account's scope, whichever store keeps it: police are scoped to at least one London borough (by
/// name or code), only probation officers have a caseload, and nobody else has either.
/// </summary>
public static class AccountScope
{
    /// <summary>
    /// Checks <paramref name="role"/>'s scope; on success <paramref name="boroughCodes"/> holds the boroughs as distinct
    /// codes. Whether the caseload's people are enrolled is the store's to check.
    /// </summary>
    /// <returns>Null when the scope is allowed, else the failure naming the field at fault (<c>boroughs</c>, <c>caseload</c>).</returns>
    public static UseCaseFailure? Check(Role role, IReadOnlyList<string> boroughs, IReadOnlyList<string> caseload, out IReadOnlyList<string> boroughCodes)
    {
        ArgumentNullException.ThrowIfNull(boroughs);
        ArgumentNullException.ThrowIfNull(caseload);
        var codes = new List<string>();
        boroughCodes = codes;
        foreach (string borough in boroughs)
        {
            if (BoroughMap.London.Find(borough) is not { } found)
            {
                return UseCaseFailure.Invalid("boroughs", $"'{borough}' is not a London borough (name or code).");
            }

            if (!codes.Contains(found.Code, StringComparer.Ordinal))
            {
                codes.Add(found.Code);
            }
        }

        if (role == Role.Police && codes.Count == 0)
        {
            return UseCaseFailure.Invalid("boroughs", "A police account needs at least one borough.");
        }

        if (role != Role.Police && codes.Count > 0)
        {
            return UseCaseFailure.Invalid("boroughs", $"Only police accounts are scoped to boroughs; a {role} account is not.");
        }

        return role != Role.ProbationOfficer && caseload.Count > 0
            ? UseCaseFailure.Invalid("caseload", $"Only probation officers have a caseload; a {role} account does not.")
            : null;
    }
}
