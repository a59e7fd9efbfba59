using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Identity;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage.Tags;

/// <summary>Upload credentials on the relational store. A secret is 256 random bits, so a plain SHA-256 of it is
/// a safe verifier (no password-style stretching is needed) and lets a credential be found by its hash.</summary>
public sealed class EfDeviceCredentialStore(IRelationalDatabase database, TimeProvider clock) : IDeviceCredentialStore
{
    /// <inheritdoc />
    public async Task<(DeviceCredential Credential, string Secret)> CreateAsync(TagId? tag, string name, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new ArgumentException("A credential needs a name of 1 to 100 characters.", nameof(name));
        }

        await using var context = database.CreateContext();
        int? tagKey = null;
        if (tag is { } t)
        {
            tagKey = await context.Tags.Where(r => r.DeviceId == t.Value).Select(r => (int?)r.Key).SingleOrDefaultAsync(cancellationToken)
                ?? throw new KeyNotFoundException($"Tag {t} is not registered.");
        }

        string secret = DeviceCredential.SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var row = new DeviceCredentialRow { TagKey = tagKey, Name = name.Trim(), SecretHash = Hash(secret), CreatedUnixMs = clock.GetUtcNow().ToUnixTimeMilliseconds() };
        context.DeviceCredentials.Add(row);
        await context.SaveChangesAsync(cancellationToken);
        return (new DeviceCredential(row.Id, tag, row.Name, Instant.FromUnixTimeMilliseconds(row.CreatedUnixMs), null), secret);
    }

    /// <inheritdoc />
    public async Task<DeviceCredential?> VerifyAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(DeviceCredential.SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }

        string hash = Hash(secret);
        await using var context = database.CreateContext();
        var found = await context.DeviceCredentials.AsNoTracking()
            .Where(c => c.SecretHash == hash && c.RevokedUnixMs == null)
            .GroupJoin(context.Tags, c => c.TagKey, t => t.Key, (c, tags) => new { c, tags })
            .SelectMany(x => x.tags.DefaultIfEmpty(), (x, t) => new { x.c, DeviceId = t == null ? null : t.DeviceId })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : ToCredential(found.c, found.DeviceId);
    }

    /// <inheritdoc />
    public async Task<bool> RevokeAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.DeviceCredentials.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (row is null)
        {
            return false;
        }

        row.RevokedUnixMs ??= clock.GetUtcNow().ToUnixTimeMilliseconds();
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeviceCredential>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.DeviceCredentials.AsNoTracking()
            .GroupJoin(context.Tags, c => c.TagKey, t => t.Key, (c, tags) => new { c, tags })
            .SelectMany(x => x.tags.DefaultIfEmpty(), (x, t) => new { x.c, DeviceId = t == null ? null : t.DeviceId })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.c.Id).Select(r => ToCredential(r.c, r.DeviceId))];
    }

    private static DeviceCredential ToCredential(DeviceCredentialRow row, string? deviceId) => new(
        row.Id,
        deviceId is null ? null : TagId.Parse(deviceId),
        row.Name,
        Instant.FromUnixTimeMilliseconds(row.CreatedUnixMs),
        row.RevokedUnixMs is { } r ? Instant.FromUnixTimeMilliseconds(r) : null);

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
