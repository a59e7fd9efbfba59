using NodaTime;

namespace Tagwatch.Application.Audit;

/// <summary>An auditor's search of the log; every given criterion must match.</summary>
/// <param name="From">Records at or after.</param>
/// <param name="To">Records before.</param>
/// <param name="Actor">Exact user name.</param>
/// <param name="Action">Exact action, or a prefix ending in '.' (e.g. <c>view.</c>).</param>
/// <param name="SubjectId">Exact subject (e.g. an offender reference).</param>
/// <param name="AfterSequence">Paging: only records after this sequence.</param>
/// <param name="Limit">At most this many, oldest first.</param>
public sealed record AuditQuery(
    Instant? From = null, Instant? To = null, string? Actor = null, string? Action = null, string? SubjectId = null, long AfterSequence = 0, int Limit = 500);
