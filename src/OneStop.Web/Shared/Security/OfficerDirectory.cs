namespace OneStop.Web.Shared.Security;

/// <summary>An officer as another capability may address them: by name and e-mail, never by their credentials.</summary>
public sealed record OfficerContact(string Id, string FullName, string? Email, string Role);

/// <summary>
/// Finds officers to notify (the one an application is assigned to, the leaders of a unit) without
/// the asking capability depending on how accounts are stored. Identity provides it.
/// </summary>
public interface IOfficerDirectory
{
    Task<OfficerContact?> FindAsync(string officerId, CancellationToken cancellationToken = default);

    /// <summary>The officers of <paramref name="unitCode"/> in <paramref name="provinceCode"/> holding <paramref name="role"/>.</summary>
    Task<IReadOnlyList<OfficerContact>> InUnitAsync(string provinceCode, string unitCode, string role, CancellationToken cancellationToken = default);
}
