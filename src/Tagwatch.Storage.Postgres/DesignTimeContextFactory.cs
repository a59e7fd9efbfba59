using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tagwatch.Storage.Postgres;

/// <summary>Lets the EF Core tools build the model to generate PostgreSQL migrations (no server is contacted).</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<PostgresTagwatchDbContext>
{
    public PostgresTagwatchDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTagwatchDbContext>().UseNpgsql("Host=localhost;Database=tagwatch").Options);
}
