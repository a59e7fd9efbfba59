using System.Globalization;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>A token for <paramref name="Username"/> (the actor's own when null), named for what it is for, living <paramref name="Days"/> days (1–366).</summary>
public sealed record CreateTokenRequest(string? Name, int Days = 90, string? Username = null);

/// <summary>The new token and its secret, shown this once.</summary>
public sealed record CreatedToken(ApiTokenInfo Token, string Secret);

/// <summary>A user creates a personal API token (an administrator may create one for anyone); the creation is audited, never the secret.</summary>
public sealed class CreateToken(IApiTokens tokens, IAuditLog audit)
{
    public async Task<UseCaseResult<CreatedToken>> ExecuteAsync(Actor actor, CreateTokenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        string username = request.Username ?? actor.Username;
        if (!TokenAccess.MayHandle(actor, username))
        {
            return UseCaseFailure.Forbidden("Only administrators create tokens for other accounts.");
        }

        if (request.Days is < 1 or > 366)
        {
            return UseCaseFailure.Invalid("days", $"{request.Days} is not between 1 and 366");
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return UseCaseFailure.Invalid("name", "required: say what the token is for");
        }

        if (request.Name.Length > StatedText.MaxName)
        {
            return UseCaseFailure.Invalid("name", $"{request.Name.Length} characters; at most {StatedText.MaxName} are kept.");
        }

        try
        {
            var (token, secret) = await tokens.CreateTokenAsync(username, request.Name, TimeSpan.FromDays(request.Days), cancellationToken);
            await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeUsers, "user", token.Username,
                string.Create(CultureInfo.InvariantCulture, $"token {token.Id} '{token.Name}' created, expires {token.Expires}")), cancellationToken);
            return new CreatedToken(token, secret);
        }
        catch (KeyNotFoundException)
        {
            return UseCaseFailure.NotFound($"There is no user '{username}'.");
        }
    }
}
