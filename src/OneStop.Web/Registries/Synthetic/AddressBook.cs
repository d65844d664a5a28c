using System.Text.Json;

namespace OneStop.Web.Registries.Synthetic;

/// <summary>A commune in force since July 2025 with the pre-merger communes it took in.</summary>
public sealed record NewCommune(string ProvinceCode, string Code, string Name, IReadOnlyList<OldCommune> Predecessors);

/// <summary>A commune as it was before July 2025, with its province and district.</summary>
public sealed record OldCommune(string ProvinceCode, string DistrictCode, string Code);

/// <summary>
/// The real unit codes the synthetic addresses use, read as data from the administrative-unit files that
/// ship with OneStop (units in force, the July 2025 splits, the units before the merger). The registries
/// read the files themselves and use none of the one-stop's code.
/// </summary>
public sealed class AddressBook
{
    private AddressBook(IReadOnlyList<NewCommune> communes, IReadOnlyDictionary<string, string> provinceNames)
    {
        Communes = communes;
        ProvinceNames = provinceNames;
        ByProvince = communes.GroupBy(c => c.ProvinceCode).ToDictionary(g => g.Key, g => (IReadOnlyList<NewCommune>)[.. g]);
    }

    public IReadOnlyList<NewCommune> Communes { get; }

    /// <summary>Province code → full name (e.g. "33" → "Tỉnh Hưng Yên").</summary>
    public IReadOnlyDictionary<string, string> ProvinceNames { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<NewCommune>> ByProvince { get; }

    // The files travel inside the program (see OneStop.Web.csproj), so a published program needs no source tree.
    private const string ShippedResourcePrefix = "AdministrativeUnits/Data/";

    /// <summary>
    /// The address book of the files set in <c>Registries:AddressDataDirectory</c> if one is set, else of the copies
    /// shipped inside the program.
    /// </summary>
    public static AddressBook Load(IConfiguration configuration)
    {
        var configured = configuration["Registries:AddressDataDirectory"];
        return string.IsNullOrWhiteSpace(configured) ? LoadShipped() : Load(configured);
    }

    /// <summary>The address book of the unit files shipped inside the program.</summary>
    public static AddressBook LoadShipped()
    {
        var assembly = typeof(AddressBook).Assembly;
        return Load(fileName =>
        {
            using var stream = assembly.GetManifestResourceStream(ShippedResourcePrefix + fileName)
                ?? throw new InvalidOperationException(
                    $"The unit file {fileName} is not shipped inside {assembly.GetName().Name}; set Registries:AddressDataDirectory to a folder holding it.");
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        });
    }

    /// <summary>The address book of the unit files in a folder.</summary>
    public static AddressBook Load(string directory) =>
        Load(fileName => File.ReadAllBytes(Path.Combine(directory, fileName)));

    private static AddressBook Load(Func<string, byte[]> read)
    {
        // Old commune → district, from the units before the merger.
        var districtOf = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var old = JsonDocument.Parse(read("units-2025-03-01.json")))
        {
            foreach (var province in old.RootElement.EnumerateArray())
            {
                foreach (var district in province.GetProperty("District").EnumerateArray())
                {
                    var districtCode = district.GetProperty("Code").GetString()!;
                    if (district.TryGetProperty("Ward", out var wards) && wards.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var ward in wards.EnumerateArray())
                        {
                            districtOf[ward.GetProperty("Code").GetString()!] = districtCode;
                        }
                    }
                }
            }
        }

        // New commune ← old communes, from the splits of July 2025.
        var predecessors = new Dictionary<string, List<OldCommune>>(StringComparer.Ordinal);
        using (var splits = JsonDocument.Parse(read("splits-2025-07-01.json")))
        {
            foreach (var province in splits.RootElement.GetProperty("data").EnumerateArray())
            {
                var oldProvince = province.GetProperty("level1_id").GetString()!;
                if (!province.TryGetProperty("level3s", out var communes) || communes.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var commune in communes.EnumerateArray())
                {
                    var oldCode = commune.GetProperty("level3_id").GetString()!;
                    if (!districtOf.TryGetValue(oldCode, out var district))
                    {
                        continue;
                    }

                    foreach (var split in commune.GetProperty("splits").EnumerateArray())
                    {
                        var newCode = split.GetProperty("new_id").GetString()!;
                        if (!predecessors.TryGetValue(newCode, out var list))
                        {
                            predecessors[newCode] = list = [];
                        }

                        list.Add(new OldCommune(oldProvince, district, oldCode));
                    }
                }
            }
        }

        var result = new List<NewCommune>();
        var provinceNames = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var units = JsonDocument.Parse(read("units-2026-04-30.json")))
        {
            foreach (var province in units.RootElement.EnumerateArray())
            {
                var provinceCode = province.GetProperty("Code").GetString()!;
                provinceNames[provinceCode] = province.GetProperty("FullName").GetString()!;
                foreach (var ward in province.GetProperty("Wards").EnumerateArray())
                {
                    var code = ward.GetProperty("Code").GetString()!;
                    result.Add(new NewCommune(
                        provinceCode,
                        code,
                        ward.GetProperty("FullName").GetString()!,
                        predecessors.TryGetValue(code, out var olds) ? olds : []));
                }
            }
        }

        return new AddressBook([.. result.OrderBy(c => c.ProvinceCode, StringComparer.Ordinal).ThenBy(c => c.Code, StringComparer.Ordinal)], provinceNames);
    }
}
