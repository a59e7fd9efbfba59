using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Tags;
using Tagwatch.Server.Security;
using Tagwatch.Storage;

namespace Tagwatch.Server.Api;

/// <summary>The device registry by administrators: registering tags and starting a person wearing one.</summary>
internal static class EnrolmentApi
{
    public sealed record TagRequest(string Id, string Protocol, string? Model);

    public sealed record AssignRequest(string Offender, string? From);

    public sealed record AssignmentCorrectionRequest(string Offender, string From, string Reason);

    public static void MapEnrolmentApi(this IEndpointRouteBuilder api)
    {
        var tags = api.MapGroup("/tags").WithTags("Registry").RequireAuthorization(nameof(Permission.ManageTags));
        tags.MapPost("/", RegisterTagAsync).WithName("RegisterTag");
        tags.MapPost("/{id}/assignments", AssignAsync).WithName("AssignTag")
            .WithDescription("An ordinary fitting: refused (409) when it would overlap a wearing period or change whose stored fixes are.");
        tags.MapPost("/{id}/assignments/corrections", CorrectAssignmentAsync).WithName("CorrectTagAssignment")
            .WithDescription("A fitting recorded as a correction over fixes already stored, with its reason: audited, and the span's crimes are checked again.");
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
