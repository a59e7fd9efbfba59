using Microsoft.Data.Sqlite;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Retention;

namespace Tagwatch.Storage.Tests.Audit;

/// <summary>
/// The chain's base — where verification starts once the oldest records are gone — is the way to trim the log from
/// the front. These tests try it as an administrator with the <c>sqlite3</c> shell on the real file would: plain SQL
/// on the database, with and without dropping the guards.
/// </summary>
public sealed class AuditChainBaseTests
{
    private static readonly RetentionPolicy TenDays = new() { TrailDays = 10, RawFrameDays = 10, AlertDays = 10, MatchDays = 10, CrimeDays = 10, IdentityDays = 10, AuditDays = 10 };

    private static AuditEvent View(int day) =>
        new("pat.officer", "ProbationOfficer", AuditActions.ViewTrail, "offender", $"TW-{day:D5}", "trail");

    [Fact]
    public async Task Moving_the_base_past_young_records_and_deleting_them_with_plain_sql_is_refused()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var entries = await OneRecordADayAsync(db, days: 10);
        var noted = await db.Audit.VerifyAsync();

        // The attack: open the purge's door, move the base to record 6 and delete 1–6, none of them past retention.
        var sixth = entries[5];
        var refused = await TryEachAsync(db.Path,
            "UPDATE audit_chain_base SET Purging = 1 WHERE Id = 1",
            $"UPDATE audit_chain_base SET Sequence = {sixth.Sequence}, Hash = '{sixth.Hash}' WHERE Id = 1",
            $"DELETE FROM audit_log WHERE Sequence <= {sixth.Sequence}",
            "UPDATE audit_chain_base SET Purging = 0 WHERE Id = 1");

        Assert.Contains(refused, message => message.Contains("audit_chain_base moves only", StringComparison.Ordinal));
        Assert.Equal(10, (await db.Audit.SearchAsync(new AuditQuery())).Count);
        var check = await db.Audit.VerifyAsync((noted.HeadSequence, noted.HeadHash));
        Assert.True(check.Intact, string.Join("; ", check.Problems));
    }

    [Fact]
    public async Task A_base_moved_with_every_trigger_dropped_is_reported_as_moved_without_a_recorded_purge()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var entries = await OneRecordADayAsync(db, days: 10);
        var noted = await db.Audit.VerifyAsync();

        var sixth = entries[5];
        await DropEveryTriggerAsync(db.Path);
        await TryEachAsync(db.Path,
            $"UPDATE audit_chain_base SET Sequence = {sixth.Sequence}, Hash = '{sixth.Hash}' WHERE Id = 1",
            $"DELETE FROM audit_log WHERE Sequence <= {sixth.Sequence}");

        var check = await db.Audit.VerifyAsync((noted.HeadSequence, noted.HeadHash));
        Assert.False(check.Intact);
        Assert.Contains("the chain's base was moved to record 6 without a recorded retention purge (no audit.purge record names 6:" + sixth.Hash + ")", check.Problems);
    }

    [Fact]
    public async Task A_forged_purge_record_does_not_hide_a_base_younger_than_the_retention_period()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var entries = await OneRecordADayAsync(db, days: 10);
        var sixth = entries[5];

        // Everything dropped, and a purge record forged with a correct hash under a one-day "retention".
        await DropEveryTriggerAsync(db.Path);
        var last = entries[^1];
        var forgedBase = new AuditChainBase(sixth.Sequence, sixth.Hash, sixth.At, 1, last.Sequence + 1);
        var forged = forgedBase.MoveRecord("system", "System", 6, last.At);
        string hash = AuditChain.Hash(forgedBase.MovedBy, last.At, forged, last.Hash);
        await TryEachAsync(db.Path,
            $"INSERT INTO audit_log (Sequence, AtUnixMs, Actor, ActorRole, Action, SubjectType, SubjectId, Data, PreviousHash, Hash) VALUES ({forgedBase.MovedBy}, {last.At.ToUnixTimeMilliseconds()}, 'system', 'System', '{forged.Action}', '{forged.SubjectType}', '{forged.SubjectId}', '{forged.Data}', '{last.Hash}', '{hash}')",
            $"UPDATE audit_chain_base SET Sequence = {sixth.Sequence}, Hash = '{sixth.Hash}', AtUnixMs = {sixth.At.ToUnixTimeMilliseconds()}, RetentionDays = 1, MovedBy = {forgedBase.MovedBy} WHERE Id = 1",
            $"DELETE FROM audit_log WHERE Sequence <= {sixth.Sequence}");

        var check = await db.Audit.VerifyAsync(retention: Duration.FromDays(new RetentionPolicy().AuditDays));
        Assert.False(check.Intact);
        Assert.Equal(["the chain's base (record 6, recorded 2019-03-06T12:00:00Z) is younger than the audit retention period (2555 days): records were removed before their time"], check.Problems);
    }

    [Fact]
    public async Task A_retention_purge_moves_the_base_under_a_recorded_move_that_verify_checks()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var entries = await OneRecordADayAsync(db, days: 10);
        var noted = await db.Audit.VerifyAsync();
        db.Clock.Advance(TimeSpan.FromDays(5)); // now 16 March: records of 1–5 March are past ten days

        var counts = await db.Retention(TenDays).RunAsync("system", "System");

        Assert.Equal(5, counts.AuditRecords);
        var move = Assert.Single(await db.Audit.SearchAsync(new AuditQuery(Action: AuditActions.AuditPurge)));
        Assert.Equal($"5:{entries[4].Hash}", move.Event.SubjectId);
        Assert.Equal("base recorded 2019-03-05T12:00:00Z; audit retention 10 days; records up to 5 removed (5 records, recorded before 2019-03-06T12:00:00Z)", move.Event.Data);
        var check = await db.Audit.VerifyAsync((noted.HeadSequence, noted.HeadHash), Duration.FromDays(10));
        Assert.True(check.Intact, string.Join("; ", check.Problems));
        Assert.Equal(7, check.Entries); // 6–10, the move and the erasure

        // The same base is too young for a longer period in force: verify says so.
        var longer = await db.Audit.VerifyAsync(retention: Duration.FromDays(30));
        Assert.Contains(longer.Problems, p => p.StartsWith("the chain's base (record 5, recorded 2019-03-05T12:00:00Z) is younger than the audit retention period (30 days)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_database_refuses_to_trim_under_a_shorter_audit_retention_than_one_already_used()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        await OneRecordADayAsync(db, days: 10);
        db.Clock.Advance(TimeSpan.FromDays(5));
        await db.Retention(TenDays).RunAsync("system", "System");

        var shorter = await Assert.ThrowsAsync<ArgumentException>(() => db.Retention(TenDays with { AuditDays = 9 }).RunAsync("system", "System"));
        Assert.StartsWith("retention:audit-days: 9 is shorter than the 10 days", shorter.Message, StringComparison.Ordinal);

        // Going round the product: a base moved to a record younger than the period it claims is refused by the trigger.
        var young = (await db.Audit.SearchAsync(new AuditQuery()))[^1];
        var refused = await TryEachAsync(db.Path,
            $"UPDATE audit_chain_base SET Sequence = {young.Sequence}, Hash = '{young.Hash}', AtUnixMs = {young.At.ToUnixTimeMilliseconds()}, RetentionDays = 10, MovedBy = {young.Sequence} WHERE Id = 1",
            "DELETE FROM audit_chain_base",
            "DELETE FROM audit_log");
        Assert.Equal(3, refused.Count);
        Assert.True((await db.Audit.VerifyAsync(retention: Duration.FromDays(10))).Intact);
    }

    private static async Task<List<AuditEntry>> OneRecordADayAsync(TemporaryDatabase db, int days)
    {
        var entries = new List<AuditEntry>();
        for (int day = 0; day < days; day++)
        {
            entries.Add(await db.Audit.AppendAsync(View(day)));
            db.Clock.Advance(TimeSpan.FromDays(1));
        }

        return entries;
    }

    /// <summary>Runs each statement on its own, as someone trying them one by one would; returns the refusals.</summary>
    private static async Task<List<string>> TryEachAsync(string path, params string[] statements)
    {
        var refusals = new List<string>();
        await using var connection = await OpenRawAsync(path);
        foreach (string sql in statements)
        {
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }
            catch (SqliteException ex)
            {
                refusals.Add(ex.Message);
            }
        }

        return refusals;
    }

    private static async Task DropEveryTriggerAsync(string path)
    {
        await using var connection = await OpenRawAsync(path);
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND (tbl_name = 'audit_log' OR tbl_name = 'audit_chain_base')";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (string name in names)
        {
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP TRIGGER \"{name}\"";
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>A plain connection to the file, without the product's settings: what the <c>sqlite3</c> shell gives.</summary>
    private static async Task<SqliteConnection> OpenRawAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
