using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tagwatch.Storage;

/// <summary>Lets the EF Core tools build the model to generate SQLite migrations.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<TagwatchDbContext>
{
    public TagwatchDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TagwatchDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
