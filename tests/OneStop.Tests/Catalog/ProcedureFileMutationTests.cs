using OneStop.Web.Catalog;
using OneStop.Web.Catalog.Loading;

namespace OneStop.Tests.Catalog;

/// <summary>
/// A procedure file broken in any small way (a character lost, added or changed, the file cut short) is either
/// read or refused with its problems; the reader never fails with anything else, which the API and the import
/// page would turn into a server error.
/// </summary>
public sealed class ProcedureFileMutationTests
{
    private static readonly ProcedureDefinitionReader Reader = ProcedureDefinitionReader.Create();

    private const string Troublemakers = "[]{}:'\"-\n\t #&*!|>%@`,?\\\u00a0\r";

    [Theory]
    [InlineData("1.001193", ".yaml")]
    [InlineData("2.000815", ".yaml")]
    [InlineData("1.001193", ".json")]
    public void Every_small_breakage_is_refused_with_problems_or_read(string code, string extension)
    {
        var shipped = CatalogSeeder.ShippedFiles().Single(f => f.Name.StartsWith(code, StringComparison.Ordinal)).Content;
        var original = extension == ".json"
            ? System.Text.Json.JsonSerializer.Serialize(Reader.Read("shipped.yaml", shipped, ProcedureFileFormat.Yaml).Definition, CatalogJson.Options)
            : shipped;
        var random = new Random(20261207);
        var failures = new List<string>();
        for (var round = 0; round < 1500; round++)
        {
            var at = random.Next(original.Length);
            var broken = (round % 4) switch
            {
                0 => original.Remove(at, 1),
                1 => original.Insert(at, Troublemakers[random.Next(Troublemakers.Length)].ToString()),
                2 => original[..at] + Troublemakers[random.Next(Troublemakers.Length)] + original[(at + 1)..],
                _ => original[..at],
            };
            try
            {
                Reader.Read("broken" + extension, broken, ProcedureDefinitionReader.FormatOf("broken" + extension));
            }
            catch (InvalidProcedureDefinitionException e)
            {
                if (e.Problems.Count == 0 || e.Problems.Any(p => string.IsNullOrWhiteSpace(p.Message) || string.IsNullOrWhiteSpace(p.VietnameseMessage)))
                {
                    failures.Add($"round {round}: refused without a told problem");
                }
            }
            catch (Exception e)
            {
                failures.Add($"round {round} ({(round % 4)} at {at}): {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} breakages failed the reader:\n" + string.Join("\n", failures.Take(20)));
    }
}
