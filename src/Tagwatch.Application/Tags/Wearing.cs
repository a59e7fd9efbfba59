using Tagwatch.Application.Offenders;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;

namespace Tagwatch.Application.Tags;

/// <summary>Who wears a tag now, as returns and swaps need it.</summary>
internal static class Wearing
{
    /// <summary>The tag's open wearing period and its wearer's reference, or the failure: not registered (not found),
    /// worn by nobody (a conflict: there is nothing to <paramref name="what"/>).</summary>
    public static async Task<(TagAssignment? Worn, OffenderReference? Wearer, UseCaseFailure? Failure)> OpenAsync(
        ITagDirectory tags, IOffenderStore offenders, TagId tag, string what, CancellationToken cancellationToken)
    {
        if ((await tags.FindRegisteredAsync([tag], cancellationToken)).Count == 0)
        {
            return (null, null, UseCaseFailure.NotFound($"Tag {tag} is not registered."));
        }

        var worn = (await tags.AssignmentsAsync(cancellationToken)).FirstOrDefault(a => a.Tag == tag && a.To is null);
        var wearer = worn is null ? null : (await offenders.ListAsync(cancellationToken)).FirstOrDefault(o => o.Id == worn.Offender);
        return worn is null || wearer is null
            ? (null, null, UseCaseFailure.Conflict($"Tag {tag} is worn by nobody: there is nothing to {what}."))
            : (worn, wearer.Reference, null);
    }
}
