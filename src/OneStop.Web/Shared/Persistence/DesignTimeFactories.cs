using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneStop.Web.Shared.Persistence;

// Used only by 'dotnet ef migrations add'; the connection strings are never opened.
internal sealed class SqliteOneStopDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOneStopDbContext>
{
    public SqliteOneStopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOneStopDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresOneStopDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOneStopDbContext>
{
    public PostgresOneStopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOneStopDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
