using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Tags;

/// <summary>The checks the device registry's use cases share: the permission, and the identifiers a request names as typed.</summary>
internal static class TagsAccess
{
    /// <summary>Refuses a role without <see cref="Permission.ManageTags"/>.</summary>
    public static UseCaseFailure? Refusal(Actor actor) =>
        AccessPolicy.Allows(actor.Role, Permission.ManageTags) ? null : UseCaseFailure.Forbidden($"The {actor.Role} role does not manage the device registry.");

    /// <summary>The tag identifier in <paramref name="field"/>, or the failure naming the field.</summary>
    public static UseCaseFailure? Tag(string? text, string field, out TagId tag) =>
        TagId.TryParse(text, out tag, out string? error) ? null : UseCaseFailure.Invalid(field, error ?? "not a tag identifier");

    /// <summary>A name or label stated for a record: required, and not longer than the record keeps.</summary>
    public static UseCaseFailure? Name(string? name, string field, string why, int max = StatedText.MaxName)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return UseCaseFailure.Invalid(field, why);
        }

        return name.Trim().Length > max ? UseCaseFailure.Invalid(field, $"{name.Trim().Length} characters; at most {max} are kept.") : null;
    }
}
