using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Tags;

/// <summary>Asks for every registered tag; it has no options.</summary>
public sealed record ListTagsRequest;

/// <summary>A registered tag with its latest contact, as the registry lists it (no wearer, no positions).</summary>
/// <param name="LastContact">When it last reported, if ever.</param>
/// <param name="LastFix">The time of its latest position, if any.</param>
/// <param name="BatteryPercent">Its battery at the last report that gave one.</param>
public sealed record RegisteredTag(TagId Id, string Protocol, string? Model, Instant? LastContact, Instant? LastFix, int? BatteryPercent);

/// <summary>An administrator lists the registered tags with their last contact and battery.</summary>
public sealed class ListTags(ITagDirectory tags, IIngestStore ingest)
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
        var listed = (await tags.ListAsync(cancellationToken))
            .Select(t => contacts.GetValueOrDefault(t.Id) is { } c
                ? new RegisteredTag(t.Id, t.Protocol, t.Model, c.LastContact, c.LastFix, c.BatteryPercent)
                : new RegisteredTag(t.Id, t.Protocol, t.Model, null, null, null))
            .ToList();
        return listed;
    }
}
