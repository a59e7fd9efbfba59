using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Server.Api.Offenders;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>
/// People's records, conditions and trails: probation enrol people (who join the officer's caseload), read and change
/// the records of their caseload. The rules and the audit are the use cases' (<see cref="EnrolOffender"/>,
/// <see cref="ListOffenders"/>, <see cref="ShowOffender"/>, <see cref="EndMonitoring"/>, <see cref="ChangeRiskTier"/>);
/// these endpoints translate in and out.
/// </summary>
internal static class OffendersApi
{
    public sealed record EnrolRequest(
        string? GivenName, string? FamilyName, string? DateOfBirth, IndexOffence[]? IndexOffences, bool CustodialSentenceServed, bool GpsLicenceCondition,
        string? LicenceStart, string? LicenceEnd, double Latitude, double Longitude, RiskTier? RiskTier);

    public sealed record EndMonitoringBody(string? Reason, string? LastDay);

    public sealed record RiskTierBody(RiskTier? Tier, string? Reason, string? From);

    public static void MapOffendersApi(this IEndpointRouteBuilder api)
    {
        var offenders = api.MapGroup("/offenders").WithTags("Offenders");
        offenders.MapGet("/", ListAsync).RequireAuthorization(nameof(Permission.ViewOffenderRecords)).WithName("ListOffenders");
        offenders.MapPost("/", EnrolAsync).RequireAuthorization(nameof(Permission.ChangeOffenderRecords)).WithName("EnrolOffender")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithDescription("Enrols a person under the scheme's rules (refusals are listed with their reasons, 422); the enrolling officer's caseload gains them.");
        offenders.MapGet("/{reference}", GetAsync).RequireAuthorization(nameof(Permission.ViewOffenderRecords)).WithName("GetOffender");
        offenders.MapPost("/{reference}/end", EndAsync).RequireAuthorization(nameof(Permission.ChangeOffenderRecords)).WithName("EndMonitoring")
            .WithDescription("Ends monitoring with a reason, now or on a stated last day; the person's tag stops being theirs then.");
        offenders.MapPost("/{reference}/risk-tier", ChangeRiskTierAsync).RequireAuthorization(nameof(Permission.ChangeOffenderRecords)).WithName("ChangeRiskTier")
            .WithDescription("Sets the risk tier from a day (today when not given), with a reason; the history is kept.");
    }

    private static async Task<Results<Ok<IReadOnlyList<OffenderSummaryResponse>>, ProblemHttpResult>> ListAsync(HttpContext http, ListOffenders list)
    {
        var actor = await http.RequiredActorAsync();
        var result = await list.ExecuteAsync(actor, new ListOffendersRequest(), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok<IReadOnlyList<OffenderSummaryResponse>>(result.Value.Select(OffenderSummaryResponse.From).ToList())
            : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Ok<OffenderResponse>, ProblemHttpResult>> GetAsync(string reference, HttpContext http, ShowOffender show)
    {
        var actor = await http.RequiredActorAsync();
        var result = await show.ExecuteAsync(actor, new OffenderRequest(reference), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(OffenderResponse.From(result.Value)) : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Created<EnrolmentResponse>, ProblemHttpResult>> EnrolAsync(EnrolRequest body, HttpContext http, EnrolOffender enrol)
    {
        var actor = await http.RequiredActorAsync();
        if (EnrolmentOf(body) is not { } enrolment)
        {
            return UseCaseAnswers.Problem(InvalidEnrolment(body)!);
        }

        var result = await enrol.ExecuteAsync(actor, new EnrolOffenderRequest(enrolment), http.RequestAborted);
        if (!result.Succeeded)
        {
            return UseCaseAnswers.Problem(result.Failure);
        }

        var enrolled = result.Value;
        if (enrolled.Offender is not { } offender)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not eligible under the scheme's rules",
                detail: string.Join("; ", enrolled.Decision.Refusals.Select(r => r.Reason)),
                extensions: new Dictionary<string, object?>
                {
                    ["refusals"] = enrolled.Decision.Refusals.Select(r => new EnrolmentRefusalResponse(r.Rule, r.Reason)).ToList(),
                    ["warnings"] = enrolled.Warnings,
                });
        }

        string reference = offender.Reference.ToString();
        return TypedResults.Created($"/api/v1/offenders/{reference}", new EnrolmentResponse(
            reference, offender.HomeBoroughCode, offender.MonitoringStart, offender.MonitoringEnd, enrolled.Warnings, enrolled.LikelyDuplicates.Select(r => r.ToString()).ToList()));
    }

    private static async Task<Results<Ok<MonitoringEndedResponse>, ProblemHttpResult>> EndAsync(string reference, EndMonitoringBody body, HttpContext http, EndMonitoring end)
    {
        var actor = await http.RequiredActorAsync();
        NodaTime.LocalDate? lastDay = null;
        if (body.LastDay is not null)
        {
            if (!RecordDate.TryParse(body.LastDay, out var day, out var error))
            {
                return UseCaseAnswers.Problem(UseCaseFailure.Invalid("last_day", error!));
            }

            lastDay = day;
        }

        var result = await end.ExecuteAsync(actor, new EndMonitoringRequest(reference, body.Reason, lastDay), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok(new MonitoringEndedResponse(result.Value.Reference.ToString(), result.Value.Status, result.Value.MonitoringEnd, result.Value.EndReason))
            : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Ok<RiskTierChangedResponse>, ProblemHttpResult>> ChangeRiskTierAsync(string reference, RiskTierBody body, HttpContext http, ChangeRiskTier change)
    {
        var actor = await http.RequiredActorAsync();
        if (body.Tier is not { } tier)
        {
            return UseCaseAnswers.Problem(UseCaseFailure.Invalid("tier", $"required: one of {string.Join(", ", Enum.GetNames<RiskTier>())}"));
        }

        NodaTime.LocalDate? from = null;
        if (body.From is not null)
        {
            if (!RecordDate.TryParse(body.From, out var day, out var error))
            {
                return UseCaseAnswers.Problem(UseCaseFailure.Invalid("from", error!));
            }

            from = day;
        }

        var result = await change.ExecuteAsync(actor, new ChangeRiskTierRequest(reference, tier, body.Reason, from), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok(new RiskTierChangedResponse(result.Value.Offender.Reference.ToString(), result.Value.Change.Tier, result.Value.Change.EffectiveFrom, result.Value.Change.Reason))
            : UseCaseAnswers.Problem(result.Failure);
    }

    /// <summary>The enrolment a request body describes, or null when a field is missing or unreadable (<see cref="InvalidEnrolment"/> names it).</summary>
    private static EnrolmentRequest? EnrolmentOf(EnrolRequest body) =>
        InvalidEnrolment(body) is null
        && RecordDate.TryParse(body.DateOfBirth, out var born, out _) && RecordDate.TryParse(body.LicenceStart, out var start, out _)
        && RecordDate.TryParse(body.LicenceEnd, out var end, out _) && GeoPoint.TryCreate(body.Latitude, body.Longitude, out var home, out _)
            ? new EnrolmentRequest
            {
                Person = new PersonalDetails(body.GivenName?.Trim() ?? "", body.FamilyName?.Trim() ?? "", born),
                IndexOffences = body.IndexOffences ?? [],
                CustodialSentenceServed = body.CustodialSentenceServed,
                GpsLicenceCondition = body.GpsLicenceCondition,
                LicenceStart = start,
                LicenceEnd = end,
                ReleaseAddress = home,
                RiskTier = body.RiskTier!.Value,
            }
            : null;

    /// <summary>The first field of the body that cannot be read, named as the API names it; names and offences are the use case's to check.</summary>
    private static UseCaseFailure? InvalidEnrolment(EnrolRequest body)
    {
        foreach (var (field, text) in new[] { ("date_of_birth", body.DateOfBirth), ("licence_start", body.LicenceStart), ("licence_end", body.LicenceEnd) })
        {
            if (!RecordDate.TryParse(text, out _, out var error))
            {
                return UseCaseFailure.Invalid(field, error!);
            }
        }

        if (body.RiskTier is null)
        {
            return UseCaseFailure.Invalid("risk_tier", $"required: one of {string.Join(", ", Enum.GetNames<RiskTier>())}");
        }

        return GeoPoint.TryCreate(body.Latitude, body.Longitude, out _, out string? where) ? null : UseCaseFailure.Invalid("latitude", where!);
    }
}
