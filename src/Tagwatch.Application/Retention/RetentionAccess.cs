using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Retention;

/// <summary>The checks every retention use case makes first: the permission, a person's reference, a stated reason.</summary>
internal static class RetentionAccess
{
    public static UseCaseFailure? Refusal(Actor actor) =>
        AccessPolicy.Allows(actor.Role, Permission.ManageRetention) ? null : UseCaseFailure.Forbidden($"The {actor.Role} role may not manage retention.");

    public static UseCaseFailure? Reference(string? text, out OffenderReference reference) =>
        OffenderReference.TryParse(text, out reference, out string? error) ? null : UseCaseFailure.Invalid("reference", error ?? "not an offender reference");

    public static UseCaseFailure? Reason(string? reason, string why)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return UseCaseFailure.Invalid("reason", why);
        }

        return reason.Length > StatedText.MaxReason ? UseCaseFailure.Invalid("reason", $"{reason.Length} characters; at most {StatedText.MaxReason} are kept.") : null;
    }
}
