using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Tags;

/// <summary>Asks for every registered tag; it has no options.</summary>
public sealed record ListTagsRequest;

/// <summary>A registered tag with its latest contact and who wears it now, as the registry lists it (no positions).</summary>
/// <param name="LastContact">When it last reported, if ever.</param>
/// <param name="LastFix">The time of its latest position, if any.</param>
/// <param name="BatteryPercent">Its battery at the last report that gave one.</param>
public sealed record RegisteredTag(TagId Id, string Protocol, string? Model, Instant? LastContact, Instant? LastFix, int? BatteryPercent)
{
    /// <summary>The reference of the person wearing it now (its open wearing period), or null when nobody does.</summary>
    /// <remarks>The reference only: an administrator fits, returns and swaps tags by it and needs no one's name.</remarks>
    public OffenderReference? Wearer { get; init; }

    /// <summary>Since when <see cref="Wearer"/> wears it.</summary>
    public Instant? WornSince { get; init; }
}

/// <summary>An administrator lists the registered tags with their last contact, battery and present wearer.</summary>
public sealed class ListTags(ITagDirectory tags, IIngestStore ingest, IOffenderStore offenders)
{
    public async Task<UseCaseResult<IReadOnlyList<RegisteredTag>>> ExecuteAsync(Actor actor, ListTagsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (TagsAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        var contacts = (await ingest.ContactsAsync(cancellationToken)).ToDictionary(c => c.Tag);
        var references = (await offenders.ListAsync(cancellationToken)).ToDictionary(o => o.Id, o => o.Reference);
        var worn = (await tags.AssignmentsAsync(cancellationToken)).Where(a => a.To is null).ToDictionary(a => a.Tag);
        var listed = (await tags.ListAsync(cancellationToken))
            .Select(t => (contacts.GetValueOrDefault(t.Id) is { } c
                ? new RegisteredTag(t.Id, t.Protocol, t.Model, c.LastContact, c.LastFix, c.BatteryPercent)
                : new RegisteredTag(t.Id, t.Protocol, t.Model, null, null, null)) with
            {
                Wearer = worn.GetValueOrDefault(t.Id) is { } w && references.TryGetValue(w.Offender, out var wearer) ? wearer : null,
                WornSince = worn.GetValueOrDefault(t.Id)?.From,
            })
            .ToList();
        return listed;
    }
}
