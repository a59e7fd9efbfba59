using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NodaTime;

namespace Tagwatch.Application.Audit;

/// <summary>
/// The audit chain's hash: each record's SHA-256 covers its own fields and the previous record's hash, so editing,
/// inserting or deleting any record breaks every hash after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the very first record.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The hash of a record. Fields are encoded as a JSON array, which is unambiguous (no field can run into the next).</summary>
    public static string Hash(long sequence, Instant at, AuditEvent e, string previousHash)
    {
        var fields = new object?[]
        {
            sequence.ToString(CultureInfo.InvariantCulture), at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            e.Actor, e.ActorRole, e.Action, e.SubjectType, e.SubjectId, e.Data, e.Purpose, e.DisclosedTo, previousHash,
        };
        byte[] canonical = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields));
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }
}
