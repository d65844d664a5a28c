using Microsoft.EntityFrameworkCore;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Shared.Hosting;

/// <summary>Applies every pending migration and exits: the production path, run before the new version starts.</summary>
internal sealed class MigrateCommand(IEnumerable<MigratedContext> contexts) : ICommand
{
    public string Name => "migrate";

    public string Description => "Apply pending database migrations, then exit.";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        foreach (var context in contexts.DistinctBy(c => c.ContextType))
        {
            var db = (DbContext)services.GetRequiredService(context.ContextType);
            await db.MigrateFromAnyStateAsync(cancellationToken);
            Console.WriteLine($"{context.ContextType.Name}: migrated ({db.Database.ProviderName}).");
        }

        return 0;
    }
}
