using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Web.Registries.Protocol;

/// <summary>A registry's demo signing key, generated on first run. Production keys come from files instead.</summary>
public sealed class RegistryKey
{
    public required string Registry { get; init; }

    public required string PrivateKeyPem { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class RegistryKeyConfiguration : IEntityTypeConfiguration<RegistryKey>
{
    public void Configure(EntityTypeBuilder<RegistryKey> builder)
    {
        builder.ToTable("registry_keys");
        builder.HasKey(k => k.Registry);
        builder.Property(k => k.Registry).HasMaxLength(40);
        builder.Property(k => k.PrivateKeyPem).HasMaxLength(400);
    }
}

/// <summary>
/// The signing keys of the five registries. A key is read from the PEM file named by
/// <c>Registries:Keys:{registry}</c> when configured (production: never committed), otherwise generated
/// once and kept in the registries' database (demo).
/// </summary>
public sealed class RegistryKeyRing(IConfiguration configuration, TimeProvider time)
{
    public static readonly IReadOnlyList<string> Registries = ["population", "enterprise", "land", "civilStatus", "judicial"];

    private readonly ConcurrentDictionary<string, SigningKey> _keys = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile bool _loaded;

    public SigningKey For(string registry) =>
        _keys.TryGetValue(registry, out var key) ? key : throw new InvalidOperationException($"The registry '{registry}' has no signing key loaded.");

    /// <summary>The public key a registry signs its answers with (for the gateway in the same process).</summary>
    public ECDsa? PublicKey(string registry) => _keys.TryGetValue(registry, out var key) ? key.Key : null;

    public async Task EnsureLoadedAsync(RegistriesDbContext db, CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_loaded)
            {
                return;
            }

            var stored = await db.Set<RegistryKey>().AsNoTracking().ToDictionaryAsync(k => k.Registry, cancellationToken);
            foreach (var registry in Registries)
            {
                var path = configuration[$"Registries:Keys:{registry}"];
                if (!string.IsNullOrWhiteSpace(path))
                {
                    _keys[registry] = SigningKey.FromPem(registry, await File.ReadAllTextAsync(path, cancellationToken));
                }
                else if (stored.TryGetValue(registry, out var row))
                {
                    _keys[registry] = SigningKey.FromPem(registry, row.PrivateKeyPem);
                }
                else
                {
                    var key = SigningKey.Generate(registry);
                    db.Add(new RegistryKey { Registry = registry, PrivateKeyPem = key.PrivateKeyPem(), CreatedAt = time.GetUtcNow() });
                    _keys[registry] = key;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            _loaded = true;
        }
        finally
        {
            _loading.Release();
        }
    }
}

/// <summary>
/// Public keys of the gateways a registry answers. The exchange gateway in the same process adds its own;
/// a registry running apart trusts the PEM files named by <c>Registries:TrustedGatewayKeys:{keyId}</c>.
/// </summary>
public interface IGatewayKeyDirectory
{
    ECDsa? Find(string keyId);
}

internal sealed class ConfiguredGatewayKeys : IGatewayKeyDirectory
{
    private readonly Dictionary<string, ECDsa> _keys = new(StringComparer.Ordinal);

    public ConfiguredGatewayKeys(IConfiguration configuration)
    {
        foreach (var entry in configuration.GetSection("Registries:TrustedGatewayKeys").GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(entry.Value))
            {
                _keys[entry.Key] = SigningKey.FromPem(entry.Key, File.ReadAllText(entry.Value)).Key;
            }
        }
    }

    public ECDsa? Find(string keyId) => _keys.GetValueOrDefault(keyId);
}
