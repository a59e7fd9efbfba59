using Microsoft.Data.Sqlite;

namespace Tagwatch.Cli.Tests;

public sealed class UsersAndAuditCommandsTests
{
    [Fact]
    public async Task Users_and_tokens_are_managed_at_the_console_and_every_change_is_audited_in_an_intact_chain()
    {
        using var tagwatch = new Tagwatch();
        string db = tagwatch.DatabasePath;

        // A single-administrator installation: scope grants take effect at once (see the approval test below).
        var police = await tagwatch.RunAsync(["users", "add", "--username", "sam.police", "--role", "police", "--borough", "Lambeth", "--password-stdin", "--db", db], "correct horse battery staple\n",
            new Dictionary<string, string> { ["Tagwatch__Accounts__RequireSecondApproval"] = "false" });
        var admin = await tagwatch.RunAsync("users", "add", "--username", "ada.admin", "--role", "administrator", "--db", db);
        var token = await tagwatch.RunAsync("tokens", "create", "--username", "sam.police", "--name", "crime system", "--db", db);
        var disabled = await tagwatch.RunAsync("users", "disable", "sam.police", "--db", db);
        var listed = await tagwatch.RunAsync("users", "list", "--db", db);
        var verify = await tagwatch.RunAsync("audit", "verify", "--db", db);
        var export = await tagwatch.RunAsync("audit", "export", "--action", "change.", "--db", db);

        Assert.Equal(0, police.ExitCode);
        Assert.DoesNotContain("One-time password", police.Output, StringComparison.Ordinal);
        Assert.Equal(0, admin.ExitCode);
        Assert.Matches("(?m)^[a-zA-Z0-9]{20}$", admin.Output);
        Assert.StartsWith("twp_", token.Output.Trim().Split('\n')[^1], StringComparison.Ordinal);
        Assert.Equal(0, disabled.ExitCode);
        Assert.Contains("disabled", listed.Output, StringComparison.Ordinal);
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("Intact: 4 records", verify.Output, StringComparison.Ordinal);
        string[] lines = export.Output.Trim().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.All(lines, l => Assert.Contains("\"action\":\"change.users\"", l, StringComparison.Ordinal));
        Assert.DoesNotContain("twp_", export.Output, StringComparison.Ordinal);
        // The same words as AccountApprovalTests expects of POST /users/{name}/disable: the use case writes them, not the door.
        Assert.Contains("\"data\":\"disabled: role Police; boroughs [E09000022]; caseload []; disabled\"", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scope_grant_at_the_console_waits_for_another_administrator_and_its_requester_cannot_approve_it()
    {
        using var tagwatch = new Tagwatch();
        string db = tagwatch.DatabasePath;
        Assert.Equal(0, (await tagwatch.RunAsync("users", "add", "--username", "ada.admin", "--role", "administrator", "--db", db)).ExitCode); // the first: nobody to approve

        var requested = await tagwatch.RunAsync("users", "add", "--username", "sam.police", "--role", "police", "--borough", "Lambeth", "--db", db);
        var listed = await tagwatch.RunAsync("users", "approvals", "list", "--db", db);
        string id = System.Text.RegularExpressions.Regex.Match(requested.Output, @"request (\d+)").Groups[1].Value;
        var self = await tagwatch.RunAsync("users", "approvals", "approve", id, "--db", db);
        var users = await tagwatch.RunAsync("users", "list", "--db", db);
        var withdrawn = await tagwatch.RunAsync("users", "approvals", "reject", id, "--reason", "asked for the wrong borough", "--db", db);
        var after = await tagwatch.RunAsync("users", "approvals", "list", "--db", db);
        var audit = await tagwatch.RunAsync("audit", "export", "--action", "approval.", "--db", db);

        Assert.Equal(0, requested.ExitCode);
        Assert.Contains("Waiting for a second administrator's approval", requested.Output, StringComparison.Ordinal);
        Assert.Contains("create sam.police as Police", listed.Output, StringComparison.Ordinal);
        Assert.Equal(4, self.ExitCode); // a conflict with the state of the request, as the API answers 409
        Assert.Contains("a different administrator must approve it", self.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sam.police", users.Output, StringComparison.Ordinal);
        Assert.Equal(0, withdrawn.ExitCode);
        Assert.DoesNotContain("sam.police", after.Output, StringComparison.Ordinal);
        string[] records = audit.Output.Trim().Split('\n');
        Assert.Equal(2, records.Length);
        Assert.Contains("\"action\":\"approval.requested\"", records[0], StringComparison.Ordinal);
        Assert.Contains("\"action\":\"approval.rejected\"", records[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_verify_fails_with_the_record_named_when_the_log_was_edited_behind_its_back()
    {
        using var tagwatch = new Tagwatch();
        string db = tagwatch.DatabasePath;
        await tagwatch.RunAsync("users", "add", "--username", "ada.admin", "--role", "administrator", "--db", db);
        await tagwatch.RunAsync("users", "reset-password", "ada.admin", "--db", db);
        await using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET Actor = 'someone.else' WHERE Sequence = 1;";
            await command.ExecuteNonQueryAsync();
        }

        var verify = await tagwatch.RunAsync("audit", "verify", "--db", db);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("record 1 was altered", verify.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("police", "", "needs at least one borough")]
    [InlineData("auditor", "--borough=Lambeth", "Only police accounts")]
    [InlineData("sheriff", "", "--role 'sheriff' is not one of")]
    public async Task Users_add_refuses_a_role_without_its_scope_or_an_unknown_role_with_a_usage_error(string role, string extra, string message)
    {
        using var tagwatch = new Tagwatch();
        string[] args = ["users", "add", "--username", "x.user", "--role", role, "--db", tagwatch.DatabasePath];
        var result = await tagwatch.RunAsync(extra.Length == 0 ? args : [.. args, extra]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}
