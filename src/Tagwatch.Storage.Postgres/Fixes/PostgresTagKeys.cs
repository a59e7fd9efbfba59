using Npgsql;
using Tagwatch.Core.Identity;

namespace Tagwatch.Storage.Postgres.Fixes;

/// <summary>Maps device identifiers to the integer keys the fix chunks are filed under, in one query.</summary>
internal static class PostgresTagKeys
{
    /// <summary>Keys of tags that must all be registered; an unknown tag is a caller error naming it.</summary>
    public static async Task<Dictionary<TagId, int>> ResolveAsync(NpgsqlConnection connection, IReadOnlyCollection<TagId> tags, CancellationToken cancellationToken)
    {
        var found = await LookupAsync(connection, tags, cancellationToken);
        var missing = tags.Where(t => !found.ContainsKey(t)).Select(t => t.Value).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Unknown tag(s): {string.Join(", ", missing.Take(10))}. Register tags before storing their fixes.", nameof(tags));
        }

        return found;
    }

    /// <summary>Keys of the registered tags among <paramref name="tags"/>; unknown ones are left out.</summary>
    public static async Task<Dictionary<TagId, int>> LookupAsync(NpgsqlConnection connection, IReadOnlyCollection<TagId> tags, CancellationToken cancellationToken)
    {
        var byValue = tags.Distinct().ToDictionary(t => t.Value, StringComparer.Ordinal);
        var result = new Dictionary<TagId, int>(byValue.Count);
        if (byValue.Count == 0)
        {
            return result;
        }

        await using var command = new NpgsqlCommand("""SELECT "DeviceId", "Key" FROM tags WHERE "DeviceId" = ANY(@ids)""", connection);
        command.Parameters.AddWithValue("ids", byValue.Keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[byValue[reader.GetString(0)]] = reader.GetInt32(1);
        }

        return result;
    }
}
