namespace Tagwatch.Application.Accounts;

/// <summary>Personal API tokens: created with a secret shown once, listed, revoked, and resolved to their account.</summary>
public interface IApiTokens
{
    /// <summary>Creates a personal API token for <paramref name="username"/>; the secret is returned once and only its hash kept.</summary>
    Task<(ApiTokenInfo Token, string Secret)> CreateTokenAsync(string username, string name, TimeSpan lifetime, CancellationToken cancellationToken = default);

    /// <summary>Tokens of one account, or of all.</summary>
    Task<IReadOnlyList<ApiTokenInfo>> ListTokensAsync(string? username = null, CancellationToken cancellationToken = default);

    /// <summary>Revokes a token; <paramref name="owner"/> limits it to that account's tokens. False when there is no such token.</summary>
    Task<bool> RevokeTokenAsync(long id, string? owner = null, CancellationToken cancellationToken = default);

    /// <summary>The account a presented token acts for; null when unknown, revoked, expired, or its account disabled.</summary>
    Task<string?> ResolveTokenAsync(string secret, CancellationToken cancellationToken = default);
}
