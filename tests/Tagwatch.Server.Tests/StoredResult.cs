using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tagwatch.Server.Tests;

/// <summary>
/// What a scenario left in a database, as comparable lines: one per row of the tables that hold the scenario's result,
/// without what legitimately differs between two runs (row ids, hashes, who acted, when a step was recorded).
/// Read straight from the file, so both doors are judged by what they stored, not by how each one shows it.
/// </summary>
internal static class StoredResult
{
    /// <summary>The offender, condition, alert, crime, match, its review steps, disclosure and outcome.</summary>
    private static readonly string[] Tables =
        ["offenders", "personal_details", "risk_tier_changes", "tag_assignments", "conditions", "alerts", "alert_history", "crimes", "matches", "match_reviews", "match_history"];

    public static List<string> Read(string database)
    {
        using var connection = Open(database);
        var lines = new List<string>();
        foreach (string table in Tables)
        {
            lines.AddRange(Numbered(Rows(connection, table, $"SELECT * FROM \"{table}\"").Select(r => $"{table}: {r.Line}").Order(StringComparer.Ordinal)));
        }

        return lines;
    }

    /// <summary>The audit records in order, without those whose action starts with one of <paramref name="leaveOut"/>.</summary>
    public static List<string> ReadAudit(string database, string[] leaveOut)
    {
        using var connection = Open(database);
        var rows = Rows(connection, "audit_log", "SELECT * FROM audit_log ORDER BY rowid")
            .Where(r => r.Role != "System") // the server's own jobs (retention) run beside the door, not through it
            .Where(r => !leaveOut.Any(p => r.Values.GetValueOrDefault("Action", "").StartsWith(p, StringComparison.Ordinal)))
            .Select(r => "audit: " + r.Line);
        return Numbered(rows);
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static List<(string Line, Dictionary<string, string> Values, string Role)> Rows(SqliteConnection connection, string table, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, Dictionary<string, string>, string)>();
        while (reader.Read())
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            string role = "";
            for (int i = 0; i < reader.FieldCount; i++)
            {
                string column = reader.GetName(i);
                if (column == "ActorRole")
                {
                    role = Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
                }

                if (Volatile(column))
                {
                    continue;
                }

                string value = reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
                values[column] = IsRowId(column, value) ? "<id>" : value;
            }

            rows.Add((string.Join(" | ", values.Select(v => $"{v.Key}={v.Value}")), values, role));
        }

        return rows;
    }

    /// <summary>Columns that differ between two runs of the same scenario by design: the row's own id, the hash chain,
    /// who acted (an account or the console) and when a step was recorded (the API's fixed clock, the console's real one).</summary>
    private static bool Volatile(string column) =>
        column is "Id" or "Sequence" or "By" or "CreatedBy" or "EndedBy"
            or "AtUnixMs" or "EnrolledUnixMs" or "RecordedUnixMs" or "CreatedUnixMs" or "RaisedUnixMs" or "ImportedUnixMs" or "UpdatedUnixMs"
        || column.Contains("Hash", StringComparison.Ordinal)
        || column.StartsWith("Actor", StringComparison.Ordinal);

    /// <summary>A reference to another row by its key (a number or a GUID): keys depend on what else the database holds.</summary>
    private static bool IsRowId(string column, string value) =>
        (column.EndsWith("Id", StringComparison.Ordinal) || column == "TagKey") && column is not "SubjectId" and not "DeviceId" && value != "null";

    /// <summary>Repeated lines numbered (#1, #2…), so comparing two lists as sets still counts them.</summary>
    private static List<string> Numbered(IEnumerable<string> lines)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. lines.Select(l => $"{l} #{seen[l] = seen.GetValueOrDefault(l) + 1}")];
    }
}
