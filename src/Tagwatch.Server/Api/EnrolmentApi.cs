using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using NodaTime.Text;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Core.Tags;
using Tagwatch.Server.Security;
using Tagwatch.Storage;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Server.Api;

/// <summary>
/// Enrolment by probation (the person joins the officer's caseload) under the scheme's rules, and the device registry
/// by administrators: registering tags and starting a person wearing one.
/// </summary>
internal static class EnrolmentApi
{
    public sealed record EnrolRequest(
        string GivenName, string FamilyName, string DateOfBirth, string[] IndexOffences, bool CustodialSentenceServed, bool GpsLicenceCondition,
        string LicenceStart, string LicenceEnd, double Latitude, double Longitude, string RiskTier);

    public sealed record TagRequest(string Id, string Protocol, string? Model);

    public sealed record AssignRequest(string Offender, string? From);

    public sealed record AssignmentCorrectionRequest(string Offender, string From, string Reason);

    public static void MapEnrolmentApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/offenders", EnrolAsync).WithTags("Offenders").RequireAuthorization(nameof(Permission.ChangeOffenderRecords)).WithName("EnrolOffender")
            .WithDescription("Enrols a person under the scheme's rules (refusals are listed with their reasons, 422); the enrolling officer's caseload gains them.");
        var tags = api.MapGroup("/tags").WithTags("Registry").RequireAuthorization(nameof(Permission.ManageTags));
        tags.MapPost("/", RegisterTagAsync).WithName("RegisterTag");
        tags.MapPost("/{id}/assignments", AssignAsync).WithName("AssignTag")
            .WithDescription("An ordinary fitting: refused (409) when it would overlap a wearing period or change whose stored fixes are.");
        tags.MapPost("/{id}/assignments/corrections", CorrectAssignmentAsync).WithName("CorrectTagAssignment")
            .WithDescription("A fitting recorded as a correction over fixes already stored, with its reason: audited, and the span's crimes are checked again.");
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

    private static async Task<IResult> RegisterTagAsync(TagRequest body, HttpContext http, TagwatchServices services)
    {
        var actor = await http.RequiredActorAsync();
        if (!TagId.TryParse(body.Id, out var id, out string? error))
        {
            return ApiProblems.Invalid("id", error!);
        }

        if (string.IsNullOrWhiteSpace(body.Protocol))
        {
            return ApiProblems.Invalid("protocol", "required (gt06, h02, osmand…)");
        }

        if ((await services.Tags.FindRegisteredAsync([id], http.RequestAborted)).Count > 0)
        {
            return ApiProblems.Conflict($"Tag {id.Value} is registered already.");
        }

        await services.Tags.RegisterAsync([new Tag(id, body.Protocol.Trim().ToLowerInvariant(), body.Model)], http.RequestAborted);
        await http.AuditAsync(actor, AuditActions.ChangeSettings, "tag", id.Value, $"registered ({body.Protocol}, {body.Model ?? "model not given"})");
        return Results.Created($"/api/v1/tags/{id.Value}", new { tag = id.Value, protocol = body.Protocol.Trim().ToLowerInvariant(), model = body.Model });
    }

    private static async Task<IResult> AssignAsync(string id, AssignRequest body, HttpContext http, TagwatchServices services, TimeProvider clock)
    {
        var actor = await http.RequiredActorAsync();
        var (tag, offender, problem) = await FittingPartiesAsync(id, body.Offender, services, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var from = Instant.FromDateTimeOffset(clock.GetUtcNow());
        if (body.From is not null)
        {
            if (!ApiValues.TryInstant(body.From, out from))
            {
                return ApiProblems.Invalid("from", $"'{body.From}' is not an ISO-8601 UTC instant");
            }
        }

        await services.Fitting.FitAsync(tag, offender.Id, from, http.RequestAborted);
        await http.AuditAsync(actor, AuditActions.ChangeRecord, "offender", offender.Reference.ToString(), $"tag {tag.Value} worn from {from}");
        return Results.Created($"/api/v1/tags/{tag.Value}", new { tag = tag.Value, offender = offender.Reference.ToString(), from = from.ToString() });
    }

    private static async Task<IResult> CorrectAssignmentAsync(string id, AssignmentCorrectionRequest body, HttpContext http, TagwatchServices services)
    {
        var actor = await http.RequiredActorAsync();
        var (tag, offender, problem) = await FittingPartiesAsync(id, body.Offender, services, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        if (!ApiValues.TryInstant(body.From, out var from))
        {
            return ApiProblems.Invalid("from", $"'{body.From}' is not an ISO-8601 UTC instant");
        }

        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            return ApiProblems.Invalid("reason", "required: why the record of who wore the tag is corrected");
        }

        await services.Fitting.CorrectAsync(tag, offender.Id, offender.Reference.ToString(), from, body.Reason, (actor.Username, actor.Role.ToString()), http.RequestAborted);
        return Results.Created($"/api/v1/tags/{tag.Value}", new { tag = tag.Value, offender = offender.Reference.ToString(), from = from.ToString(), corrected = true });
    }

    /// <summary>The tag and the enrolled person a fitting names, or the problem naming the field that names neither.</summary>
    private static async Task<(TagId Tag, Offender Offender, IResult? Problem)> FittingPartiesAsync(
        string id, string offenderText, TagwatchServices services, CancellationToken cancellationToken)
    {
        if (!TagId.TryParse(id, out var tag, out string? error))
        {
            return (default, null!, ApiProblems.Invalid("id", error!));
        }

        var offender = OffenderReference.TryParse(offenderText, out var reference, out _) ? await services.OffenderStore.FindAsync(reference, cancellationToken) : null;
        return offender is null
            ? (tag, null!, ApiProblems.Invalid("offender", $"no enrolled person has the reference '{offenderText}'"))
            : (tag, offender, null);
    }
}
