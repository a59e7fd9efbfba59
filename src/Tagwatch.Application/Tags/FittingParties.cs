using Tagwatch.Application.Offenders;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Application.Tags;

/// <summary>The tag and the enrolled person a fitting names, read from the identifiers as typed.</summary>
internal static class FittingParties
{
    /// <summary>The tag (field <c>id</c>) and the person (field <c>offender</c>), or the failure naming the field that names neither.</summary>
    public static async Task<(TagId Tag, Offender? Offender, UseCaseFailure? Failure)> FindAsync(
        IOffenderStore offenders, string? tagText, string? offenderText, CancellationToken cancellationToken)
    {
        if (TagsAccess.Tag(tagText, "id", out var tag) is { } badTag)
        {
            return (tag, null, badTag);
        }

        var offender = OffenderReference.TryParse(offenderText, out var reference, out _) ? await offenders.FindAsync(reference, cancellationToken) : null;
        return offender is null
            ? (tag, null, UseCaseFailure.Invalid("offender", $"no enrolled person has the reference '{offenderText}'"))
            : (tag, offender, null);
    }
}
