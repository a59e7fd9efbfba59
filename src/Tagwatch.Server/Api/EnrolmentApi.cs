using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime.Text;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Server.Security;
using Tagwatch.Storage;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Server.Api;

/// <summary>
/// Enrolment by probation (the person joins the officer's caseload) under the scheme's rules.
/// </summary>
internal static class EnrolmentApi
{
    public sealed record EnrolRequest(
        string GivenName, string FamilyName, string DateOfBirth, string[] IndexOffences, bool CustodialSentenceServed, bool GpsLicenceCondition,
        string LicenceStart, string LicenceEnd, double Latitude, double Longitude, string RiskTier);

    public static void MapEnrolmentApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/offenders", EnrolAsync).WithTags("Offenders").RequireAuthorization(nameof(Permission.ChangeOffenderRecords)).WithName("EnrolOffender")
            .WithDescription("Enrols a person under the scheme's rules (refusals are listed with their reasons, 422); the enrolling officer's caseload gains them.");
    }

    private static async Task<IResult> EnrolAsync(EnrolRequest body, HttpContext http, TagwatchServices services, UserAccounts accounts)
    {
        var actor = await http.RequiredActorAsync();
        var date = LocalDatePattern.Iso;
        foreach (var (field, text) in new[] { ("date_of_birth", body.DateOfBirth), ("licence_start", body.LicenceStart), ("licence_end", body.LicenceEnd) })
        {
            if (!RecordDate.TryParse(text, out _, out var error))
            {
                return ApiProblems.Invalid(field, error!);
            }
        }

        var offences = new List<IndexOffence>();
        foreach (string offence in body.IndexOffences ?? [])
        {
            if (!ApiValues.TryEnum<IndexOffence>(offence, out var parsed))
            {
                return ApiValues.NotOneOf<IndexOffence>("index_offences", offence);
            }

            offences.Add(parsed);
        }

        if (!ApiValues.TryEnum<RiskTier>(body.RiskTier, out var tier))
        {
            return ApiValues.NotOneOf<RiskTier>("risk_tier", body.RiskTier);
        }

        if (!GeoPoint.TryCreate(body.Latitude, body.Longitude, out var address, out string? where))
        {
            return ApiProblems.Invalid("latitude", where!);
        }

        if (string.IsNullOrWhiteSpace(body.GivenName) || string.IsNullOrWhiteSpace(body.FamilyName))
        {
            return ApiProblems.Invalid(string.IsNullOrWhiteSpace(body.GivenName) ? "given_name" : "family_name", "required");
        }

        var result = await services.Offenders.EnrolAsync(new EnrolmentRequest
        {
            Person = new PersonalDetails(body.GivenName.Trim(), body.FamilyName.Trim(), date.Parse(body.DateOfBirth).Value),
            IndexOffences = offences,
            CustodialSentenceServed = body.CustodialSentenceServed,
            GpsLicenceCondition = body.GpsLicenceCondition,
            LicenceStart = date.Parse(body.LicenceStart).Value,
            LicenceEnd = date.Parse(body.LicenceEnd).Value,
            ReleaseAddress = address,
            RiskTier = tier,
        }, cancellationToken: http.RequestAborted);
        if (result.Offender is not { } offender)
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not eligible under the scheme's rules",
                detail: string.Join("; ", result.Decision.Refusals.Select(r => r.Reason)),
                extensions: new Dictionary<string, object?>
                {
                    ["refusals"] = result.Decision.Refusals.Select(r => new { rule = r.Rule.ToString(), reason = r.Reason }).ToList(),
                    ["warnings"] = result.Warnings,
                });
        }

        string reference = offender.Reference.ToString();
        var account = await accounts.GetAsync(actor.Username, http.RequestAborted);
        await accounts.ReplaceCaseloadAsync(actor.Username, [.. account.Caseload, reference], http.RequestAborted);
        await http.AuditAsync(actor, AuditActions.ChangeRecord, "offender", reference, $"enrolled; risk {tier}; licence {body.LicenceStart}–{body.LicenceEnd}; added to {actor.Username}'s caseload"
            + (result.LikelyDuplicates.Count == 0 ? "" : $"; warned: likely duplicate of {string.Join(", ", result.LikelyDuplicates)}"));
        return Results.Created($"/api/v1/offenders/{reference}", new
        {
            reference, home_borough = offender.HomeBoroughCode, monitoring_start = ApiValues.Date(offender.MonitoringStart), monitoring_end = ApiValues.Date(offender.MonitoringEnd),
            warnings = result.Warnings, likely_duplicates = result.LikelyDuplicates.Select(r => r.Value),
        });
    }
}
