using System.Text.Json;

namespace Tagwatch.Application.Audit;

/// <summary>Writes audit records as JSON lines, page by page, for auditors (the command line and the API share it).</summary>
public static class AuditExport
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    /// <summary>Writes every record matching <paramref name="query"/> (its limit is the page size); returns how many.</summary>
    public static async Task<long> WriteJsonLinesAsync(IAuditLog log, AuditQuery query, Stream output, CancellationToken cancellationToken = default)
    {
        long written = 0;
        long after = query.AfterSequence;
        while (true)
        {
            var page = await log.SearchAsync(query with { AfterSequence = after }, cancellationToken);
            foreach (var entry in page)
            {
                await JsonSerializer.SerializeAsync(output, ToJson(entry), cancellationToken: cancellationToken);
                await output.WriteAsync(NewLine, cancellationToken);
                written++;
                after = entry.Sequence;
            }

            if (page.Count < query.Limit)
            {
                await output.FlushAsync(cancellationToken);
                return written;
            }
        }
    }

    /// <summary>One record as the auditor reads it (field names are part of the export format, see docs/audit.md).</summary>
    public static object ToJson(AuditEntry e) => new
    {
        sequence = e.Sequence,
        at = e.At.ToString(),
        at_unix_ms = e.At.ToUnixTimeMilliseconds(),
        actor = e.Event.Actor,
        role = e.Event.ActorRole,
        action = e.Event.Action,
        subject_type = e.Event.SubjectType,
        subject = e.Event.SubjectId,
        data = e.Event.Data,
        purpose = e.Event.Purpose,
        disclosed_to = e.Event.DisclosedTo,
        previous_hash = e.PreviousHash,
        hash = e.Hash,
    };

    /// <summary>The query in words, for the record of the export itself.</summary>
    public static string Describe(AuditQuery q) =>
        string.Join("; ", new[]
        {
            q.From is { } f ? $"from {f}" : null, q.To is { } t ? $"to {t}" : null, q.Actor is { } a ? $"actor {a}" : null,
            q.Action is { } ac ? $"action {ac}" : null, q.SubjectId is { } s ? $"subject {s}" : null,
        }.Where(p => p is not null).DefaultIfEmpty("all records"));
}
