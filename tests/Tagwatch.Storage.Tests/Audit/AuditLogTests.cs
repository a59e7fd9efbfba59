using Microsoft.Data.Sqlite;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Storage.Audit;

namespace Tagwatch.Storage.Tests.Audit;

public sealed class AuditLogTests
{
    private static AuditEvent View(string subject, string actor = "pat.officer") =>
        new(actor, "ProbationOfficer", AuditActions.ViewTrail, "offender", subject, "trail 2019-03-01T00:00Z–2019-03-02T00:00Z json");

    [Fact]
    public async Task Appended_records_form_an_intact_chain_that_links_each_to_the_one_before()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var first = await db.Audit.AppendAsync(View("TW-0001"));
        db.Clock.Advance(TimeSpan.FromSeconds(5));
        var second = await db.Audit.AppendAsync(View("TW-0002") with { Purpose = "licence review" });

        Assert.Equal(1, first.Sequence);
        Assert.Equal(AuditChain.Genesis, first.PreviousHash);
        Assert.Equal(first.Hash, second.PreviousHash);
        var check = await db.Audit.VerifyAsync();
        Assert.True(check.Intact, string.Join("; ", check.Problems));
        Assert.Equal(2, check.Entries);
        Assert.Equal((2L, second.Hash), (check.HeadSequence, check.HeadHash));

        var stored = await db.Audit.SearchAsync(new AuditQuery(SubjectId: "TW-0002"));
        Assert.Equal(second, Assert.Single(stored));
    }

    [Fact]
    public async Task The_database_refuses_updates_and_deletes()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        await db.Audit.AppendAsync(View("TW-0001"));
        await using var connection = await db.Sqlite.OpenConnectionAsync();

        var update = await Assert.ThrowsAsync<SqliteException>(() => Execute(connection, "UPDATE audit_log SET Actor = 'someone.else'"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => Execute(connection, "DELETE FROM audit_log"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.True((await db.Audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task An_edited_record_is_detected_even_when_the_triggers_were_dropped()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        for (int i = 1; i <= 5; i++)
        {
            await db.Audit.AppendAsync(View($"TW-000{i}"));
        }

        await Tamper(db, "UPDATE audit_log SET Actor = 'someone.else' WHERE Sequence = 3");

        var check = await db.Audit.VerifyAsync();
        Assert.False(check.Intact);
        Assert.Equal(["record 3 was altered (its hash does not match its content)"], check.Problems);
    }

    [Fact]
    public async Task A_record_edited_with_its_hash_recomputed_breaks_the_next_link()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        for (int i = 1; i <= 3; i++)
        {
            await db.Audit.AppendAsync(View($"TW-000{i}"));
        }

        var original = (await db.Audit.SearchAsync(new AuditQuery()))[1];
        var forged = original.Event with { Actor = "someone.else" };
        string forgedHash = AuditChain.Hash(original.Sequence, original.At, forged, original.PreviousHash);
        await Tamper(db, $"UPDATE audit_log SET Actor = 'someone.else', Hash = '{forgedHash}' WHERE Sequence = 2");

        var check = await db.Audit.VerifyAsync();
        Assert.Equal(["record 3 does not link to the record before it"], check.Problems);
    }

    [Fact]
    public async Task A_deleted_record_in_the_middle_or_at_the_tail_is_detected()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        for (int i = 1; i <= 5; i++)
        {
            await db.Audit.AppendAsync(View($"TW-000{i}"));
        }

        var noted = await db.Audit.VerifyAsync();
        await Tamper(db, "DELETE FROM audit_log WHERE Sequence = 2");
        var middle = await db.Audit.VerifyAsync();
        Assert.Contains("records 2–2 are missing (deleted)", middle.Problems);
        Assert.Contains("record 3 does not link to the record before it", middle.Problems);

        await Tamper(db, "DELETE FROM audit_log WHERE Sequence = 5");
        var tail = await db.Audit.VerifyAsync((noted.HeadSequence, noted.HeadHash));
        Assert.Contains("records 5–5 were issued but are missing (tail cut off)", tail.Problems);
        Assert.Contains("record 5, noted earlier, is no longer in the log", tail.Problems);
    }

    [Fact]
    public async Task Writers_in_parallel_on_separate_handles_still_form_one_unbroken_chain()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var other = new SqliteAuditLog(await db.ReopenAsync(), db.Clock);
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var log = w % 2 == 0 ? (IAuditLog)db.Audit : other;
            for (int i = 0; i < 25; i++)
            {
                await log.AppendAsync(View($"TW-{w:D2}{i:D2}"));
            }
        }));
        await Task.WhenAll(writers);

        var check = await db.Audit.VerifyAsync();
        Assert.True(check.Intact, string.Join("; ", check.Problems));
        Assert.Equal(200, check.Entries);
    }

    [Fact]
    public async Task Search_filters_by_time_actor_action_prefix_and_subject_and_pages_by_sequence()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var start = Instant.FromDateTimeOffset(db.Clock.GetUtcNow());
        await db.Audit.AppendAsync(View("TW-0001"));
        db.Clock.Advance(TimeSpan.FromHours(1));
        await db.Audit.AppendAsync(View("TW-0002", actor: "sam.police") with { Action = AuditActions.Search, Purpose = "robbery enquiry" });
        await db.Audit.AppendAsync(new AuditEvent("admin", "Administrator", AuditActions.ChangeUsers, "user", "sam.police", "role Police; boroughs Lambeth"));

        Assert.Equal(2, (await db.Audit.SearchAsync(new AuditQuery(From: start + Duration.FromMinutes(30)))).Count);
        Assert.Single(await db.Audit.SearchAsync(new AuditQuery(To: start + Duration.FromMinutes(30))));
        Assert.Single(await db.Audit.SearchAsync(new AuditQuery(Actor: "sam.police")));
        Assert.Equal(2, (await db.Audit.SearchAsync(new AuditQuery(Action: "view.trail"))).Count + (await db.Audit.SearchAsync(new AuditQuery(Action: "search."))).Count);
        Assert.Empty(await db.Audit.SearchAsync(new AuditQuery(Action: "search")));
        Assert.Equal([2L, 3L], (await db.Audit.SearchAsync(new AuditQuery(AfterSequence: 1))).Select(e => e.Sequence));
        Assert.Equal([1L], (await db.Audit.SearchAsync(new AuditQuery(Limit: 1))).Select(e => e.Sequence));
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>What someone with write access to the file could do: drop the guards and change the table.</summary>
    private static async Task Tamper(TemporaryDatabase db, string sql)
    {
        await using var connection = await db.Sqlite.OpenConnectionAsync();
        await Execute(connection, "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;");
        await Execute(connection, sql);
    }
}
