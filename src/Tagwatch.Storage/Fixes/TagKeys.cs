using Microsoft.Data.Sqlite;
using Tagwatch.Core.Identity;

namespace Tagwatch.Storage.Fixes;

/// <summary>Maps device identifiers to the integer keys the fix chunks are filed under.</summary>
internal static class TagKeys
{
    /// <summary>Keys of tags that must all be registered; an unknown tag is a caller error.</summary>
    public static async Task<Dictionary<TagId, int>> ResolveAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<TagId> tags, CancellationToken cancellationToken)
    {
        var found = await LookupAsync(connection, tags.ToList(), cancellationToken, transaction);
        var missing = tags.Where(t => !found.ContainsKey(t)).Select(t => t.Value).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Unknown tag(s): {string.Join(", ", missing.Take(10))}. Register tags before storing their fixes.", nameof(tags));
        }

        return found;
    }

    /// <summary>Keys of the registered tags among <paramref name="tags"/>; unknown ones are left out.</summary>
    public static async Task<Dictionary<TagId, int>> LookupAsync(SqliteConnection connection, IReadOnlyCollection<TagId> tags, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        var result = new Dictionary<TagId, int>(tags.Count);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Key FROM tags WHERE DeviceId = $id";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        foreach (var tag in tags)
        {
            id.Value = tag.Value;
            if (await command.ExecuteScalarAsync(cancellationToken) is long key)
            {
                result[tag] = (int)key;
            }
        }

        return result;
    }
}
