using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Security;

/// <summary>
/// An endpoint's permission; met when the request has an actor (an enabled account) whose role <see cref="AccessPolicy"/>
/// grants it. A null permission asks only for the actor (endpoints every signed-in person may use).
/// </summary>
internal sealed record PermissionRequirement(Permission? Permission) : IAuthorizationRequirement;

/// <summary>Checks <see cref="PermissionRequirement"/>s against the one access policy.</summary>
internal sealed class PermissionHandler(IHttpContextAccessor accessor) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var http = accessor.HttpContext;
        if (http is not null && await http.ActorAsync() is { } actor && (requirement.Permission is not { } permission || AccessPolicy.Allows(actor.Role, permission)))
        {
            context.Succeed(requirement);
        }
    }
}
