using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Api;

/// <summary>Records what an API request consulted or changed, in the actor's name, before the data leaves the server.</summary>
internal static class ApiAudit
{
    public static Task AuditAsync(this HttpContext http, Actor actor, string action, string subjectType, string? subjectId, string data, string? purpose = null, string? disclosedTo = null) =>
        http.RequestServices.GetRequiredService<IAuditLog>().AppendAsync(
            new AuditEvent(actor.Username, actor.Role.ToString(), action, subjectType, subjectId, data, purpose, disclosedTo), http.RequestAborted);
}
