using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Npgsql;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Retention;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Core.Tags;
using Tagwatch.Storage.Postgres;
using Tagwatch.Storage.Postgres.Audit;
using Tagwatch.Storage.Postgres.Fixes;
using Tagwatch.Storage.Tags;
using Tagwatch.Tests;

namespace Tagwatch.Storage.Tests.Postgres;

/// <summary>
/// A node logged in with the role the migrations make, <c>tagwatch_app</c>: it does its work — fixes in a month never
/// seen, audit records, the audit log's retention purge — but cannot alter or delete audit records or change the schema,
/// by privilege, before any trigger is reached. And retention drops whole months of trails where no hold keeps them.
/// </summary>
public sealed class PostgresApplicationRoleTests
{
    private static readonly Instant March = Instant.FromUtc(2019, 3, 1, 12, 0);

    [Fact]
    public async Task A_node_role_writes_and_purges_but_cannot_touch_audit_records_or_the_schema()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await TestPostgresDatabase.CreateAsync();
        await using (var owner = await PostgresDatabase.OpenAsync(server.ConnectionString, cancel))
        {
            // migrated by the owner, as `tagwatch migrate` is run by the schema's owner
        }

        string login = $"tw_node_{Guid.NewGuid():N}";
        await ExecuteAsync(server.ConnectionString, $"CREATE ROLE {login} LOGIN IN ROLE tagwatch_app");
        try
        {
            await using (var node = await PostgresDatabase.OpenAsync(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Username = login }.ConnectionString, cancel))
            {
                var clock = new FakeTimeProvider(March.ToDateTimeOffset());
                var tag = TagId.Parse("359881030000009");
                await new EfTagDirectory(node, clock).RegisterAsync([new Tag(tag, "test", null)], cancel);
                var fixes = new PostgresFixStore(node);
                var appended = await fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [tag] = [Fix.Create(March, March, new GeoPoint(51.46, -0.11), 5)] }, cancel);
                Assert.Equal(1, appended.Stored); // in a month partition the node could not have made itself

                var audit = new PostgresAuditLog(node, clock);
                for (int i = 0; i < 3; i++)
                {
                    await audit.AppendAsync(new AuditEvent("pat", "ProbationOfficer", AuditActions.ViewTrail, "offender", "TW-00001", "trail"), cancel);
                }

                clock.Advance(TimeSpan.FromDays(400));
                Assert.Equal(3, await audit.RemoveBeforeAsync(March + Duration.FromDays(1), 365, "ada", "Administrator", cancellationToken: cancel));
                Assert.True((await audit.VerifyAsync(retention: Duration.FromDays(365), cancellationToken: cancel)).Intact);

                await using var connection = await node.OpenConnectionAsync(cancel);
                foreach (string statement in new[]
                {
                    """UPDATE audit_log SET "Data" = 'nothing to see'""",
                    "DELETE FROM audit_log",
                    "TRUNCATE audit_log",
                    """UPDATE audit_chain_base SET "Sequence" = 0""",
                    "DELETE FROM audit_head",
                    """DELETE FROM "__EFMigrationsHistory" """,
                    "CREATE TABLE intruder (x integer)",
                    "DROP TABLE fix_chunks",
                })
                {
                    await using var command = new NpgsqlCommand(statement, connection);
                    var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(cancel));
                    Assert.True(refused.SqlState == PostgresErrorCodes.InsufficientPrivilege && refused.MessageText.StartsWith("permission denied", StringComparison.Ordinal)
                        || refused.MessageText.StartsWith("must be owner", StringComparison.Ordinal), $"{statement}: {refused.MessageText}");
                }
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server.ConnectionString, $"DROP ROLE {login}");
        }
    }

    [Fact]
    public async Task Retention_drops_whole_months_past_the_cut_off_but_a_month_holding_a_held_persons_trail_stays()
    {
        await using var db = await TemporaryDatabase.CreateAsync(StoreKind.Postgres);
        var heldTag = TagId.Parse("359881030000011");
        var freeTag = TagId.Parse("359881030000012");
        var held = await EnrolAsync(db, 0, heldTag);
        await EnrolAsync(db, 1, freeTag);
        // December: the held person and the free one; January: the free one alone; March: both, after the cut-off.
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>>
        {
            [heldTag] = [.. Days(new DateOnly(2018, 12, 5), 3), .. Days(new DateOnly(2019, 3, 20), 2)],
            [freeTag] = [.. Days(new DateOnly(2018, 12, 5), 3), .. Days(new DateOnly(2019, 1, 10), 4), .. Days(new DateOnly(2019, 3, 20), 2)],
        });
        var retention = db.Retention(new RetentionPolicy { TrailDays = 10, RawFrameDays = 10, AlertDays = 3650, MatchDays = 3650, CrimeDays = 3650, AuditDays = 3650 });
        await retention.PlaceHoldAsync(held.Reference.ToString(), "proceedings at Inner London Crown Court", "ada", "Administrator");
        db.Clock.Advance(TimeSpan.FromDays(28)); // cut-off 19 March

        var dry = await retention.RunAsync("system", "System", dryRun: true);
        var counts = await retention.RunAsync("system", "System");

        Assert.Equal(3 + 4, counts.FixChunks);   // the free tag's December and January days
        Assert.Equal(dry.FixChunks, counts.FixChunks);
        Assert.Equal(["fix_chunks_2018_12", "fix_chunks_2019_03"], await PartitionsAsync(db));
        Assert.Equal(3 + 2, (await db.Fixes.ReadAsync(heldTag, Instant.MinValue, Instant.MaxValue)).Count);
        Assert.Equal(2, (await db.Fixes.ReadAsync(freeTag, Instant.MinValue, Instant.MaxValue)).Count);
    }

    private static async Task<List<string>> PartitionsAsync(TemporaryDatabase db)
    {
        await using var connection = await ((PostgresDatabase)db.Database).OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'fix_chunks'::regclass ORDER BY 1", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<Offender> EnrolAsync(TemporaryDatabase db, int i, TagId tag)
    {
        var offender = (await db.Offenders.EnrolAsync(new EnrolmentRequest
        {
            Person = new PersonalDetails("Sam", $"Example{i}", new LocalDate(1995, 1, 1)),
            IndexOffences = [IndexOffence.Robbery],
            CustodialSentenceServed = true,
            GpsLicenceCondition = true,
            LicenceStart = new LocalDate(2019, 2, 18), // within the scheme; the tag is worn (assigned) since November
            LicenceEnd = new LocalDate(2019, 12, 31),
            ReleaseAddress = new GeoPoint(51.45, -0.10),
            RiskTier = RiskTier.High,
        })).Offender!;
        await db.Tags.RegisterAsync([new Tag(tag, "test", null)]);
        await db.Tags.AssignAsync(tag, offender.Id, Instant.FromUtc(2018, 11, 1, 0, 0));
        return offender;
    }

    /// <summary>One fix at noon on each of <paramref name="count"/> UTC days from <paramref name="first"/>.</summary>
    private static IEnumerable<Fix> Days(DateOnly first, int count) =>
        Enumerable.Range(0, count).Select(d =>
        {
            var at = Instant.FromUtc(first.Year, first.Month, first.Day, 12, 0) + Duration.FromDays(d);
            return Fix.Create(at, at, new GeoPoint(51.46, -0.11), 6);
        });
}
