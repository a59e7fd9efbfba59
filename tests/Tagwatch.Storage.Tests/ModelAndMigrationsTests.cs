using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tagwatch.Storage.Tests;

/// <summary>The EF model and the migrations that build the schema say the same thing: a change to the model without
/// its migration (or a migration edited by hand away from the model) fails here, not on someone's database.</summary>
public sealed class ModelAndMigrationsTests
{
    [Fact]
    public async Task Model_HasNoChangesThatNoMigrationMakes()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        await using var context = database.Database.CreateContext();

        Assert.False(context.Database.HasPendingModelChanges(), "the model differs from the last migration's snapshot: add a migration");
    }

    [Fact]
    public async Task NewDatabase_HasEveryMigrationApplied()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        await using var context = database.Database.CreateContext();

        var applied = await context.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(context.Database.GetMigrations(), applied);
        Assert.Empty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }
}
