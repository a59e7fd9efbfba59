using System.Text;

namespace Tagwatch.Storage.Postgres.Coordination;

/// <summary>
/// The two 32-bit keys of a PostgreSQL advisory lock (<c>pg_advisory_lock(int, int)</c>): the first names the kind of
/// lock, the second is a stable hash of its name, so every node of every build computes the same key for the same name.
/// </summary>
/// <param name="Space">The kind of lock (<see cref="LeaseSpace"/>, <see cref="TagSpace"/>).</param>
/// <param name="Key">The FNV-1a hash of the name. Two names with the same hash share a lock: harmless, they only take turns.</param>
public readonly record struct AdvisoryLockKey(int Space, int Key)
{
    /// <summary>Singleton work leases.</summary>
    public const int LeaseSpace = 0x54570001;

    /// <summary>Per-tag monitoring locks.</summary>
    public const int TagSpace = 0x54570002;

    /// <summary>The key of the work lease <paramref name="name"/>.</summary>
    public static AdvisoryLockKey Lease(string name) => new(LeaseSpace, Hash(name));

    /// <summary>The key of the monitoring lock on the tag <paramref name="tag"/>.</summary>
    public static AdvisoryLockKey Tag(string tag) => new(TagSpace, Hash(tag));

    // string.GetHashCode differs between processes; FNV-1a over the UTF-8 bytes does not.
    private static int Hash(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(name))
        {
            hash = unchecked((hash ^ b) * 16777619);
        }

        return unchecked((int)hash);
    }
}
