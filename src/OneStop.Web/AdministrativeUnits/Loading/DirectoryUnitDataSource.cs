namespace OneStop.Web.AdministrativeUnits.Loading;

/// <summary>
/// Unit files read from a folder instead of the assembly (<c>AdministrativeUnits:DataDirectory</c>):
/// to try a newer export before it is shipped. The same checks apply.
/// </summary>
public sealed class DirectoryUnitDataSource(string directory) : IUnitDataSource
{
    public byte[] Read(string fileName)
    {
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path))
        {
            throw new AdministrativeUnitDataException([$"{path} does not exist; the folder must hold {string.Join(", ", UnitDataFiles.All)}."]);
        }

        return File.ReadAllBytes(path);
    }
}
