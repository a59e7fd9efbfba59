namespace Tagwatch.Application.Accounts;

/// <summary>What an account change did, once made.</summary>
/// <param name="Description">The change in words, as recorded.</param>
/// <param name="OneTimePassword">The one-time password of a new account or a reset, shown once to whoever made the change take effect.</param>
public sealed record AccountChangeResult(string Description, string? OneTimePassword);
