using System.Text.Json.Serialization;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>A change to an account that can widen what someone may see: the unit a second administrator approves.</summary>
/// <param name="Kind">What kind of change.</param>
/// <param name="Username">The account changed (or created).</param>
/// <param name="Role">The role granted (creation, role change).</param>
/// <param name="Boroughs">The boroughs granted (creation or role change of a police account).</param>
/// <param name="Caseload">The caseload granted (creation of a probation officer, caseload replacement).</param>
/// <param name="DisplayName">The new account's display name.</param>
public sealed record AccountChange(
    [property: JsonPropertyName("kind")] AccountChangeKind Kind,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("role")] Role? Role = null,
    [property: JsonPropertyName("boroughs")] IReadOnlyList<string>? Boroughs = null,
    [property: JsonPropertyName("caseload")] IReadOnlyList<string>? Caseload = null,
    [property: JsonPropertyName("display_name")] string? DisplayName = null)
{
    /// <summary>The change in words, for the audit log and the approver: "create sam.police as Police; boroughs [E09000022]".</summary>
    public string Describe() => Kind switch
    {
        AccountChangeKind.CreateUser => $"create {Username} as {Role}; boroughs [{string.Join(",", Boroughs ?? [])}]; caseload [{string.Join(",", Caseload ?? [])}]",
        AccountChangeKind.ReplaceCaseload => $"replace the caseload of {Username} with [{string.Join(",", Caseload ?? [])}]",
        AccountChangeKind.ChangeRole => $"make {Username} {Role}; boroughs [{string.Join(",", Boroughs ?? [])}]",
        _ => $"reset the password of {Username}",
    };
}
