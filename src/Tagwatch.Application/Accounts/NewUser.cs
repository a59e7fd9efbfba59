using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>An account to create: police need boroughs; probation officers may have a caseload; nobody else has either.</summary>
public sealed record NewUser(string Username, Role Role, IReadOnlyList<string> Boroughs, IReadOnlyList<string> Caseload, string? DisplayName = null);
