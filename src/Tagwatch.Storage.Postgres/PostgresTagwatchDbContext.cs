using Microsoft.EntityFrameworkCore;

namespace Tagwatch.Storage.Postgres;

/// <summary>The relational model on PostgreSQL: the same tables as on SQLite, with PostgreSQL's own migrations
/// (Migrations/), which are bound to this type.</summary>
public sealed class PostgresTagwatchDbContext(DbContextOptions<PostgresTagwatchDbContext> options) : TagwatchDbContext(options);
