using Tagwatch.Application.Fixes;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;
using Tagwatch.Protocols;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Application.Imports;

/// <summary>Imports decoded fix rows: checks tags, flags quality, and stores everything in one durable commit.</summary>
/// <remarks>
/// The whole input is read and validated before anything is written, so an input that turns out unreadable part-way
/// (<see cref="InputFormatException"/>) leaves the store untouched.
/// </remarks>
public sealed class FixImporter(IFixStore store, ITagDirectory tags, FixQualityRules quality)
{
    // A file is not an upload by the device: how long after the fix it reached us says nothing about the device.
    private readonly FixQualityRules _quality = quality with { LateAfter = null };

    /// <summary>Imports <paramref name="rows"/>; with <paramref name="createTags"/>, unknown tags are registered under <paramref name="protocol"/>.</summary>
    public async Task<ImportReport> ImportAsync(IEnumerable<ParsedRow<FixRecord>> rows, bool createTags, string protocol, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport();
        var byTag = new Dictionary<TagId, List<Fix>>();
        var unknown = new HashSet<TagId>();
        foreach (var row in rows)
        {
            report.Rows++;
            if (!row.IsValid)
            {
                report.Reject(row.Errors);
                continue;
            }

            var record = row.Value!;
            if (!byTag.TryGetValue(record.Tag, out var list))
            {
                if (unknown.Contains(record.Tag) || !await IsKnownAsync(record.Tag, createTags, unknown, cancellationToken))
                {
                    report.Reject([new RowError(row.Row, "tag_id", $"'{record.Tag}' is not a registered tag; register it first (tagwatch tags add) or import with --create-tags")]);
                    continue;
                }

                list = new List<Fix>(1440);
                byTag[record.Tag] = list;
            }

            list.Add(record.Fix);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (createTags && byTag.Count > 0)
        {
            await tags.RegisterAsync(byTag.Keys.Select(t => new Tag(t, protocol, null)).ToList(), cancellationToken);
        }

        foreach (var trail in byTag.Values)
        {
            _quality.AssessTrail(trail);
        }

        var result = await store.AppendAsync(byTag, cancellationToken);
        if (result.Stored > 0)
        {
            long first = byTag.Values.Where(t => t.Count > 0).Min(t => t[0].TimeUnixMs);
            long last = byTag.Values.Where(t => t.Count > 0).Max(t => t[^1].TimeUnixMs);
            report.FixSpan = (NodaTime.Instant.FromUnixTimeMilliseconds(first), NodaTime.Instant.FromUnixTimeMilliseconds(last));
        }

        report.Accepted = result.Stored;
        report.Duplicates = result.Duplicates;
        report.Flagged = result.StoredFlagged;
        return report;
    }

    private async Task<bool> IsKnownAsync(TagId tag, bool createTags, HashSet<TagId> unknown, CancellationToken cancellationToken)
    {
        if (createTags)
        {
            return true;
        }

        var registered = await tags.FindRegisteredAsync([tag], cancellationToken);
        if (registered.Contains(tag))
        {
            return true;
        }

        unknown.Add(tag);
        return false;
    }
}
