using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Tags;

namespace Tagwatch.Application.Tags;

/// <summary>A device to register.</summary>
/// <param name="Id">The device identifier as typed (IMEI or vendor ID).</param>
/// <param name="Protocol">The protocol it reports over (<c>gt06</c>, <c>h02</c>, <c>osmand</c>…), kept in lower case.</param>
/// <param name="Model">The device model, when known.</param>
public sealed record RegisterTagRequest(string? Id, string? Protocol, string? Model = null);

/// <summary>An administrator registers a tag in the device registry; a tag registered already is a conflict. Audited.</summary>
public sealed class RegisterTag(ITagDirectory tags, IAuditLog audit)
{
    public async Task<UseCaseResult<Tag>> ExecuteAsync(Actor actor, RegisterTagRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (TagsAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        if (TagsAccess.Tag(request.Id, "id", out var id) is { } badId)
        {
            return badId;
        }

        if (TagsAccess.Name(request.Protocol, "protocol", "required (gt06, h02, osmand…)") is { } badProtocol)
        {
            return badProtocol;
        }

        string? model = string.IsNullOrWhiteSpace(request.Model) ? null : request.Model.Trim();
        if (TagsAccess.Name(model ?? "-", "model", "") is { } badModel)
        {
            return badModel;
        }

        if ((await tags.FindRegisteredAsync([id], cancellationToken)).Count > 0)
        {
            return UseCaseFailure.Conflict($"Tag {id} is registered already.");
        }

        var tag = new Tag(id, request.Protocol!.Trim().ToLowerInvariant(), model);
        await tags.RegisterAsync([tag], cancellationToken);
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeSettings, "tag", id.Value,
            $"registered ({tag.Protocol}, {tag.Model ?? "model not given"})"), cancellationToken);
        return tag;
    }
}
