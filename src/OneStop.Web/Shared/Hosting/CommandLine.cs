namespace OneStop.Web.Shared.Hosting;

/// <summary>
/// An administrative command run instead of the server:
/// <c>dotnet run --project src/OneStop.Web -- NAME [arguments]</c>. Exit code 0 means success.
/// </summary>
public interface ICommand
{
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}

public static class CommandLine
{
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var commands = app.Services.GetServices<ICommand>().ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        if (!commands.TryGetValue(args[0], out var command))
        {
            await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands:");
            foreach (var known in commands.Values.OrderBy(c => c.Name))
            {
                await Console.Error.WriteLineAsync($"  {known.Name,-20} {known.Description}");
            }

            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        return await command.RunAsync(scope.ServiceProvider, args[1..], CancellationToken.None);
    }
}
