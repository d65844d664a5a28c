using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.Exchange.Log;
using OneStop.Web.Registries.Protocol;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Exchange.Gateway;

/// <summary>
/// The gateway's signing key: it signs every request sent to a registry and every log seal. Read from
/// <c>Exchange:GatewayKeyPath</c> (production, a PEM file never committed), otherwise generated on first
/// run and kept in the database (demo). The registries in this process trust it through
/// <see cref="IGatewayKeyDirectory"/>; a registry running apart is given its public key.
/// </summary>
public sealed class GatewayKeyRing(ExchangeOptions options, TimeProvider time) : IGatewayKeyDirectory
{
    public const string KeyId = "onestop-gateway";

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile SigningKey? _key;

    public SigningKey Key => _key ?? throw new InvalidOperationException("The gateway key is not loaded yet.");

    public ECDsa? Find(string keyId) => keyId == KeyId ? _key?.Key : null;

    public async Task EnsureLoadedAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        if (_key is not null)
        {
            return;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_key is not null)
            {
                return;
            }

            if (!string.IsNullOrWhiteSpace(options.GatewayKeyPath))
            {
                _key = SigningKey.FromPem(KeyId, await File.ReadAllTextAsync(options.GatewayKeyPath, cancellationToken));
                return;
            }

            var stored = await db.Set<ExchangeKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == KeyId, cancellationToken);
            if (stored is not null)
            {
                _key = SigningKey.FromPem(KeyId, stored.PrivateKeyPem);
                return;
            }

            var key = SigningKey.Generate(KeyId);
            db.Add(new ExchangeKey { Id = KeyId, PrivateKeyPem = key.PrivateKeyPem(), CreatedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
            _key = key;
        }
        finally
        {
            _loading.Release();
        }
    }
}
