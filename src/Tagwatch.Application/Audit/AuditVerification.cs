namespace Tagwatch.Application.Audit;

/// <summary>The result of checking the whole chain.</summary>
/// <param name="Intact">True when every record's hash and link checks out and nothing is missing.</param>
/// <param name="Entries">How many records were checked.</param>
/// <param name="HeadSequence">The last record's sequence (0 when empty); keep it with <paramref name="HeadHash"/> outside the system to detect a truncated tail later.</param>
/// <param name="HeadHash">The last record's hash.</param>
/// <param name="Problems">What is wrong and where (by sequence), empty when intact.</param>
public sealed record AuditVerification(bool Intact, long Entries, long HeadSequence, string HeadHash, IReadOnlyList<string> Problems);
