using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Tagwatch.Application.Tags;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api.Tags;

/// <summary>
/// The device registry, for administrators: tags, who wears which (fittings and their corrections), upload credentials and
/// refused devices. The rules and the audit are the use cases' (<c>Application/Tags</c>); these endpoints translate in and out.
/// </summary>
internal static class TagsApi
{
    public sealed record TagRequest(string? Id, string? Protocol, string? Model);

    public sealed record AssignRequest(string? Offender, string? From);

    public sealed record AssignmentCorrectionRequest(string? Offender, string? From, string? Reason);

    public sealed record NewCredentialRequest(string? Tag, string? Name);

    public sealed record ReturnRequest(string? At);

    public sealed record SwapRequest(string? NewTag, string? At);

    public static void MapTagsApi(this IEndpointRouteBuilder api)
    {
        var tags = api.MapGroup("/tags").WithTags("Registry").RequireAuthorization(nameof(Permission.ManageTags));
        tags.MapGet("/", ListAsync).WithName("ListTags");
        tags.MapPost("/", RegisterAsync).WithName("RegisterTag");
        tags.MapPost("/{id}/assignments", AssignAsync).WithName("AssignTag")
            .WithDescription("An ordinary fitting: refused (409) when it would overlap a wearing period or change whose stored fixes are.");
        tags.MapPost("/{id}/assignments/corrections", CorrectAssignmentAsync).WithName("CorrectTagAssignment")
            .WithDescription("A fitting recorded as a correction over fixes already stored, with its reason: audited, and the span's crimes are checked again.");
        tags.MapPost("/{id}/return", ReturnAsync).WithName("ReturnTag")
            .WithDescription("The tag came off (now, or at a stated instant): its wearing period ends. Refused (409) when nobody wears it or stored fixes would stop being the wearer's.");
        tags.MapPost("/{id}/swap", SwapAsync).WithName("SwapTag")
            .WithDescription("The wearer's tag is exchanged for a free registered one in one step: the old period ends as the new one begins, at the same instant.");
        tags.MapGet("/credentials", ListCredentialsAsync).WithName("ListDeviceCredentials");
        tags.MapPost("/credentials", CreateCredentialAsync).WithName("CreateDeviceCredential")
            .WithDescription("An upload credential for one device (tag) or, without a tag, for a vendor gateway (any registered device); the secret is in this answer only.");
        tags.MapDelete("/credentials/{id:long}", RevokeCredentialAsync).WithName("RevokeDeviceCredential");
        tags.MapGet("/refused", ListRefusedAsync).WithName("ListRefusedDevices")
            .WithDescription("Device messages refused (unregistered devices, forged or misrouted reports), how often and why; identifiers are as the senders wrote them.");
    }

    private static async Task<Results<Ok<IReadOnlyList<RegisteredTagResponse>>, ProblemHttpResult>> ListAsync(HttpContext http, ListTags list)
    {
        var result = await list.ExecuteAsync(await http.RequiredActorAsync(), new ListTagsRequest(), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok<IReadOnlyList<RegisteredTagResponse>>([.. result.Value.Select(RegisteredTagResponse.Of)]) : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Created<TagResponse>, ProblemHttpResult>> RegisterAsync(TagRequest body, HttpContext http, RegisterTag register)
    {
        var result = await register.ExecuteAsync(await http.RequiredActorAsync(), new RegisterTagRequest(body.Id, body.Protocol, body.Model), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/tags/{result.Value.Id.Value}", TagResponse.Of(result.Value))
            : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Created<TagFittedResponse>, ProblemHttpResult>> AssignAsync(string id, AssignRequest body, HttpContext http, AssignTag assign)
    {
        Instant? from = null;
        if (body.From is not null)
        {
            if (!ApiValues.TryInstant(body.From, out var parsed))
            {
                return UseCaseAnswers.Problem(NotAnInstant(body.From));
            }

            from = parsed;
        }

        var result = await assign.ExecuteAsync(await http.RequiredActorAsync(), new AssignTagRequest(id, body.Offender, from), http.RequestAborted);
        return Fitted(result);
    }

    private static async Task<Results<Created<TagFittedResponse>, ProblemHttpResult>> CorrectAssignmentAsync(
        string id, AssignmentCorrectionRequest body, HttpContext http, CorrectAssignment correct)
    {
        Instant? from = null;
        if (body.From is not null)
        {
            if (!ApiValues.TryInstant(body.From, out var parsed))
            {
                return UseCaseAnswers.Problem(NotAnInstant(body.From));
            }

            from = parsed;
        }

        var result = await correct.ExecuteAsync(await http.RequiredActorAsync(), new CorrectAssignmentRequest(id, body.Offender, from, body.Reason), http.RequestAborted);
        return Fitted(result);
    }

    private static async Task<Results<Ok<TagReturnedResponse>, ProblemHttpResult>> ReturnAsync(string id, ReturnRequest body, HttpContext http, ReturnTag returnTag)
    {
        if (!TryOptionalInstant(body.At, out var at))
        {
            return UseCaseAnswers.Problem(UseCaseFailure.Invalid("at", $"'{body.At}' is not an ISO-8601 UTC instant"));
        }

        var result = await returnTag.ExecuteAsync(await http.RequiredActorAsync(), new ReturnTagRequest(id, at), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(TagReturnedResponse.Of(result.Value)) : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Ok<TagSwappedResponse>, ProblemHttpResult>> SwapAsync(string id, SwapRequest body, HttpContext http, SwapTag swap)
    {
        if (!TryOptionalInstant(body.At, out var at))
        {
            return UseCaseAnswers.Problem(UseCaseFailure.Invalid("at", $"'{body.At}' is not an ISO-8601 UTC instant"));
        }

        var result = await swap.ExecuteAsync(await http.RequiredActorAsync(), new SwapTagRequest(id, body.NewTag, at), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(TagSwappedResponse.Of(result.Value)) : UseCaseAnswers.Problem(result.Failure);
    }

    /// <summary>An optional instant as given: absent is fine (the use case takes now), unreadable is not.</summary>
    private static bool TryOptionalInstant(string? text, out Instant? instant)
    {
        instant = null;
        if (text is null)
        {
            return true;
        }

        if (!ApiValues.TryInstant(text, out var parsed))
        {
            return false;
        }

        instant = parsed;
        return true;
    }

    private static async Task<Results<Ok<IReadOnlyList<DeviceCredentialResponse>>, ProblemHttpResult>> ListCredentialsAsync(HttpContext http, ListDeviceCredentials list)
    {
        var result = await list.ExecuteAsync(await http.RequiredActorAsync(), new ListDeviceCredentialsRequest(), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok<IReadOnlyList<DeviceCredentialResponse>>([.. result.Value.Select(DeviceCredentialResponse.Of)]) : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Created<NewDeviceCredentialResponse>, ProblemHttpResult>> CreateCredentialAsync(
        NewCredentialRequest body, HttpContext http, CreateDeviceCredential create)
    {
        var result = await create.ExecuteAsync(await http.RequiredActorAsync(), new CreateDeviceCredentialRequest(body.Tag, body.Name), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/tags/credentials/{result.Value.Credential.Id}", new NewDeviceCredentialResponse(DeviceCredentialResponse.Of(result.Value.Credential), result.Value.Secret))
            : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeCredentialAsync(long id, HttpContext http, RevokeDeviceCredential revoke)
    {
        var result = await revoke.ExecuteAsync(await http.RequiredActorAsync(), new RevokeDeviceCredentialRequest(id), http.RequestAborted);
        return result.Succeeded ? TypedResults.NoContent() : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Ok<IReadOnlyList<RefusedDeviceResponse>>, ProblemHttpResult>> ListRefusedAsync(HttpContext http, ListRefusedDevices list)
    {
        var result = await list.ExecuteAsync(await http.RequiredActorAsync(), new ListRefusedDevicesRequest(), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok<IReadOnlyList<RefusedDeviceResponse>>([.. result.Value.Select(RefusedDeviceResponse.Of)]) : UseCaseAnswers.Problem(result.Failure);
    }

    private static Results<Created<TagFittedResponse>, ProblemHttpResult> Fitted(UseCaseResult<TagFitted> result) =>
        result.Succeeded
            ? TypedResults.Created($"/api/v1/tags/{result.Value.Tag.Value}", TagFittedResponse.Of(result.Value))
            : UseCaseAnswers.Problem(result.Failure);

    private static UseCaseFailure NotAnInstant(string text) => UseCaseFailure.Invalid("from", $"'{text}' is not an ISO-8601 UTC instant");
}
