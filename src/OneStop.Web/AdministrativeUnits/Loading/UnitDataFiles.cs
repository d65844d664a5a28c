using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace OneStop.Web.AdministrativeUnits.Loading;

/// <summary>
/// Where the loader reads the unit lists from. The application reads the copies embedded in its
/// assembly, so it works from any working directory; tests hand the loader altered copies.
/// </summary>
public interface IUnitDataSource
{
    /// <summary>The bytes of one file of <see cref="UnitDataFiles.All"/>.</summary>
    byte[] Read(string fileName);
}

public static class UnitDataFiles
{
    public const string BeforeReform = "units-2025-03-01.json";
    public const string FromJuly2025 = "units-2025-07-01.json";
    public const string FromApril2026 = "units-2026-04-30.json";
    public const string Merges = "merges-2025-07-01.json";
    public const string Splits = "splits-2025-07-01.json";

    public static readonly IReadOnlyList<string> All = [BeforeReform, FromJuly2025, FromApril2026, Merges, Splits];

    /// <summary>
    /// A fingerprint of the data and of the way it is read: the database copy is rebuilt when it
    /// changes. Raise <paramref name="loaderVersion"/> when the loader reads the same files differently.
    /// </summary>
    public static string ContentHash(IReadOnlyDictionary<string, byte[]> files, int loaderVersion)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(BitConverter.GetBytes(loaderVersion));
        foreach (var name in All)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            hash.AppendData(files[name]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>The files shipped inside OneStop.Web (see AdministrativeUnits/Data and its licences).</summary>
public sealed class EmbeddedUnitDataSource : IUnitDataSource
{
    public const string ResourcePrefix = "AdministrativeUnits/Data/";

    public static readonly EmbeddedUnitDataSource Instance = new();

    public byte[] Read(string fileName)
    {
        var assembly = typeof(EmbeddedUnitDataSource).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new AdministrativeUnitDataException(
                [$"The embedded file {ResourcePrefix}{fileName} is missing from {assembly.GetName().Name}; the build must embed AdministrativeUnits/Data/*.json."]);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public static IEnumerable<string> EmbeddedFileNames() =>
        Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..]);
}

/// <summary>The unit data cannot be trusted: OneStop refuses to start rather than answer wrongly.</summary>
public sealed class AdministrativeUnitDataException(IReadOnlyList<string> problems)
    : Exception(Describe(problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<string> problems)
    {
        var shown = problems.Take(25).Select(p => "  - " + p);
        var more = problems.Count > 25 ? $"{Environment.NewLine}  … and {problems.Count - 25} more" : "";
        return "The administrative-unit data is inconsistent, so OneStop will not start with it:" + Environment.NewLine
            + string.Join(Environment.NewLine, shown) + more;
    }
}

// The shapes of the source files, read as they are published.

internal sealed record BeforeReformProvinceJson(
    string Code, string Name, string? NameEn, string FullName, string? FullNameEn,
    [property: JsonPropertyName("District")] List<BeforeReformDistrictJson>? Districts);

internal sealed record BeforeReformDistrictJson(
    string Code, string Name, string? NameEn, string FullName, string? FullNameEn, string ProvinceCode,
    [property: JsonPropertyName("Ward")] List<BeforeReformCommuneJson>? Communes);

internal sealed record BeforeReformCommuneJson(
    string Code, string Name, string? NameEn, string FullName, string? FullNameEn, string DistrictCode);

internal sealed record TwoTierProvinceJson(
    string Code, string Name, string? NameEn, string FullName, string? FullNameEn, int AdministrativeUnitId,
    [property: JsonPropertyName("Wards")] List<TwoTierCommuneJson>? Communes);

internal sealed record TwoTierCommuneJson(
    string Code, string Name, string? NameEn, string FullName, string? FullNameEn, string ProvinceCode, int AdministrativeUnitId);

internal sealed record MergesFileJson(List<MergedProvinceJson> Data);

internal sealed record MergedProvinceJson(
    [property: JsonPropertyName("level1_id")] string Code,
    string Name,
    List<MergeJson> Merges,
    [property: JsonPropertyName("level2s")] List<MergedCommuneJson> Communes);

internal sealed record MergedCommuneJson(
    [property: JsonPropertyName("level2_id")] string Code,
    string Name,
    List<MergeJson> Merges);

internal sealed record MergeJson(
    [property: JsonPropertyName("old_id")] string OldCode,
    string Name,
    string Type);

internal sealed record SplitsFileJson(List<SplitProvinceJson> Data);

internal sealed record SplitProvinceJson(
    [property: JsonPropertyName("level1_id")] string Code,
    string Name,
    List<SplitJson> Splits,
    [property: JsonPropertyName("level2s")] List<SplitUnitJson>? Districts,
    [property: JsonPropertyName("level3s")] List<SplitUnitJson>? Communes);

internal sealed record SplitUnitJson(
    [property: JsonPropertyName("level2_id")] string? DistrictCode,
    [property: JsonPropertyName("level3_id")] string? CommuneCode,
    string Name,
    List<SplitJson> Splits);

internal sealed record SplitJson(
    [property: JsonPropertyName("new_id")] string NewCode,
    string Name);

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(List<BeforeReformProvinceJson>))]
[JsonSerializable(typeof(List<TwoTierProvinceJson>))]
[JsonSerializable(typeof(MergesFileJson))]
[JsonSerializable(typeof(SplitsFileJson))]
internal sealed partial class UnitDataJsonContext : JsonSerializerContext;
