using NodaTime;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;

namespace Tagwatch.Application.Tags;

/// <summary>The device registry: which tags exist and who wears them.</summary>
public interface ITagDirectory
{
    /// <summary>The tags among <paramref name="ids"/> that are registered.</summary>
    Task<IReadOnlySet<TagId>> FindRegisteredAsync(IReadOnlyCollection<TagId> ids, CancellationToken cancellationToken = default);

    /// <summary>The registered tags among <paramref name="ids"/>, with their protocol and model.</summary>
    Task<IReadOnlyList<Tag>> FindAsync(IReadOnlyCollection<TagId> ids, CancellationToken cancellationToken = default);

    /// <summary>Registers tags that are not yet registered; existing ones are left as they are.</summary>
    Task RegisterAsync(IReadOnlyCollection<Tag> tags, CancellationToken cancellationToken = default);

    /// <summary>All registered tags.</summary>
    Task<IReadOnlyList<Tag>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts a wearing period, closing the tag's open period (if any) at <paramref name="from"/>.</summary>
    Task AssignAsync(TagId tag, OffenderId offender, Instant from, CancellationToken cancellationToken = default);

    /// <summary>Every wearing period, oldest first.</summary>
    Task<IReadOnlyList<TagAssignment>> AssignmentsAsync(CancellationToken cancellationToken = default);
}
