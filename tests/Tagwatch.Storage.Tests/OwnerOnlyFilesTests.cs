using Microsoft.Data.Sqlite;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Storage.Tests;

/// <summary>The database (names, dates of birth, trails, password hashes) and everything written beside it are the
/// owner's alone: files 0600, folders 0700, whatever the umask.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // skipped there: Windows has no Unix modes
public sealed class OwnerOnlyFilesTests
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Fact]
    public async Task A_new_database_its_write_ahead_log_shared_memory_and_key_ring_are_owner_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        await using var db = await TemporaryDatabase.CreateAsync();
        await db.Audit.AppendAsync(new Application.Audit.AuditEvent("ada", "Administrator", "change.users", "user", "sam", "created"));
        var accounts = UserAccounts.Create(db.Sqlite, db.Clock);
        var (account, _) = await accounts.CreateAsync(new NewUser("sam.police", Role.Police, ["Lambeth"], []), "correct horse battery staple");
        await accounts.ResetAuthenticatorKeyAsync(account.Id); // makes the key ring
        await using var open = await db.Sqlite.OpenConnectionAsync(); // holds -wal and -shm in place

        foreach (string file in new[] { db.Path, db.Path + "-wal", db.Path + "-shm" })
        {
            Assert.Equal((file, OwnerFile), (file, File.GetUnixFileMode(file)));
        }

        Assert.Equal(OwnerFolder, File.GetUnixFileMode(db.Sqlite.KeyRingFolder));
        var keys = Directory.GetFiles(db.Sqlite.KeyRingFolder);
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Equal((key, OwnerFile), (key, File.GetUnixFileMode(key))));
    }

    [Fact]
    public async Task An_existing_world_readable_database_is_made_owner_only_when_opened()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        await using var db = await TemporaryDatabase.CreateAsync();
        await db.Audit.AppendAsync(new Application.Audit.AuditEvent("ada", "Administrator", "change.users", "user", "sam", "created"));
        var everyone = OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        SqliteConnection.ClearAllPools();
        foreach (string file in new[] { db.Path, db.Path + "-wal", db.Path + "-shm" }.Where(File.Exists))
        {
            File.SetUnixFileMode(file, everyone);
        }

        var reopened = await db.ReopenAsync();
        await using var open = await reopened.OpenConnectionAsync();

        foreach (string file in new[] { db.Path, db.Path + "-wal", db.Path + "-shm" })
        {
            Assert.Equal((file, OwnerFile), (file, File.GetUnixFileMode(file)));
        }
    }
}
