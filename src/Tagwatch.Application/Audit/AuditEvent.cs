namespace Tagwatch.Application.Audit;

/// <summary>
/// What one audit record says (Data Protection Act 2018 s.62): who acted, in which role, what they did, to whose data,
/// which data, why, and to whom it was disclosed.
/// </summary>
/// <param name="Actor">The user name (or <c>system</c> for automatic work, <c>console</c> for the command line).</param>
/// <param name="ActorRole">The role the actor acted in.</param>
/// <param name="Action">What was done, one of <see cref="AuditActions"/>.</param>
/// <param name="SubjectType">The kind of thing concerned: offender, tag, match, crime, user, alert, area, scheme, audit.</param>
/// <param name="SubjectId">Which one (an offender reference, a match id…), or null for searches over many.</param>
/// <param name="Data">Which data: e.g. the time range and format of a trail, the fields changed.</param>
/// <param name="Purpose">The stated purpose (required for searches and disclosures).</param>
/// <param name="DisclosedTo">The recipient of a disclosure (e.g. a borough's police).</param>
public sealed record AuditEvent(
    string Actor, string ActorRole, string Action, string SubjectType, string? SubjectId, string Data, string? Purpose = null, string? DisclosedTo = null);
