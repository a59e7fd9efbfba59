using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Server.Security;
using Tagwatch.Storage;

namespace Tagwatch.Server.Api;

/// <summary>People's records, conditions and trails: probation for their caseload; police a trail only with a purpose, a short window and an area.</summary>
internal static class OffendersApi
{
    public static void MapOffendersApi(this IEndpointRouteBuilder api)
    {
        var offenders = api.MapGroup("/offenders").WithTags("Offenders");
        offenders.MapGet("/", ListAsync).RequireAuthorization(nameof(Permission.ViewOffenderRecords)).WithName("ListOffenders");
        offenders.MapGet("/{reference}", GetAsync).RequireAuthorization(nameof(Permission.ViewOffenderRecords)).WithName("GetOffender");
    }

    private static async Task<IResult> ListAsync(HttpContext http, TagwatchServices services)
    {
        var actor = await http.RequiredActorAsync();
        var today = services.Offenders.Today;
        var mine = (await services.Offenders.ListAsync(http.RequestAborted)).Where(o => AccessPolicy.CoversOffender(actor, o.Reference.ToString())).ToList();
        await http.AuditAsync(actor, AuditActions.ViewRecord, "offender", null, $"caseload list: {string.Join(",", mine.Select(o => o.Reference))}");
        return Results.Ok(mine.Select(o => new
        {
            reference = o.Reference.ToString(), status = o.StatusOn(today).ToString(), risk_tier = o.RiskTier.ToString(), home_borough = o.HomeBoroughCode,
            licence_start = ApiValues.Date(o.LicenceStart), licence_end = ApiValues.Date(o.LicenceEnd),
        }));
    }

    private static async Task<IResult> GetAsync(string reference, HttpContext http, TagwatchServices services)
    {
        var (actor, offender, refusal) = await ResolveAsync(reference, http, services);
        if (refusal is not null)
        {
            return refusal;
        }

        var (_, person, risk) = await services.Offenders.ShowAsync(offender!.Reference, http.RequestAborted);
        await http.AuditAsync(actor!, AuditActions.ViewRecord, "offender", offender.Reference.ToString(), "record: identity, licence, risk history");
        return Results.Ok(new
        {
            reference = offender.Reference.ToString(),
            given_name = person?.GivenName, family_name = person?.FamilyName, date_of_birth = person is null ? null : ApiValues.Date(person.DateOfBirth),
            index_offences = offender.IndexOffences.Select(i => i.ToString()),
            risk_tier = offender.RiskTier.ToString(), home_borough = offender.HomeBoroughCode,
            home = new { latitude = offender.HomeAddress.Latitude, longitude = offender.HomeAddress.Longitude },
            licence_start = ApiValues.Date(offender.LicenceStart), licence_end = ApiValues.Date(offender.LicenceEnd),
            monitoring_start = ApiValues.Date(offender.MonitoringStart), monitoring_end = ApiValues.Date(offender.MonitoringEnd),
            status = offender.StatusOn(services.Offenders.Today).ToString(), end_reason = offender.EndReason,
            risk_history = risk.Select(r => new { tier = r.Tier.ToString(), from = ApiValues.Date(r.EffectiveFrom), reason = r.Reason }),
        });
    }

    /// <summary>The request's actor and the person <paramref name="reference"/> names, or the refusal: 404 unknown, 403 outside the actor's scope.</summary>
    internal static async Task<(Actor? Actor, Offender? Offender, IResult? Refusal)> ResolveAsync(string reference, HttpContext http, TagwatchServices services)
    {
        var actor = await http.RequiredActorAsync();
        var offender = OffenderReference.TryParse(reference, out var parsed, out _) ? await services.OffenderStore.FindAsync(parsed, http.RequestAborted) : null;
        if (offender is null)
        {
            return (actor, null, ApiProblems.NotFound($"No person has the reference '{reference}'."));
        }

        return AccessPolicy.CoversOffender(actor, offender.Reference.ToString())
            ? (actor, offender, null)
            : (actor, offender, ApiProblems.OutOfScope($"{offender.Reference} is not on your caseload."));
    }
}
