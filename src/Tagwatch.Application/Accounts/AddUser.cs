using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>
/// A new account: its name, role and the scope the role needs (boroughs for police, a caseload for probation officers).
/// Without <paramref name="Password"/> a one-time password is issued, to be changed at first sign-in; a chosen password
/// is never kept waiting for approval, so a request that waits is given a one-time password when approved.
/// </summary>
public sealed record AddUserRequest(string? Username, Role Role, IReadOnlyList<string> Boroughs, IReadOnlyList<string> Caseload, string? DisplayName = null, string? Password = null);

/// <summary>
/// An administrator adds an account. One that reaches location data or administers accounts waits for a second
/// administrator (<see cref="AccountApprovals"/>), except the installation's first administrator; the creation is audited.
/// </summary>
public sealed class AddUser(AccountApprovals approvals, AccountChangeSubmitter submitter, IUserAccounts accounts, IAuditLog audit)
{
    public async Task<UseCaseResult<AccountChangeOutcome>> ExecuteAsync(Actor actor, AddUserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (AccountAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(request.Username))
        {
            return UseCaseFailure.Invalid("username", "required");
        }

        if (request.Username.Length > StatedText.MaxName)
        {
            return UseCaseFailure.Invalid("username", $"{request.Username.Length} characters; at most {StatedText.MaxName}.");
        }

        if (!Enum.IsDefined(request.Role))
        {
            return UseCaseFailure.Invalid("role", $"'{request.Role}' is not one of {string.Join(", ", Enum.GetNames<Role>())}");
        }

        if (AccountScope.Check(request.Role, request.Boroughs, request.Caseload, out _) is { } scope)
        {
            return scope;
        }

        var change = new AccountChange(AccountChangeKind.CreateUser, request.Username, request.Role, request.Boroughs, request.Caseload, request.DisplayName);
        if (request.Password is null || await approvals.NeedsApprovalAsync(change, actor.Username, cancellationToken))
        {
            return await submitter.SubmitAsync(actor, change, cancellationToken);
        }

        try
        {
            var (account, _) = await accounts.CreateAsync(new NewUser(request.Username, request.Role, request.Boroughs, request.Caseload, request.DisplayName), request.Password, cancellationToken);
            await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeUsers, "user", account.Username,
                AccountDescriptions.Of("created", account)), cancellationToken);
            return new AccountChangeOutcome(account, null, null);
        }
        catch (ArgumentException e)
        {
            return AccountAccess.Invalid(e, "password");
        }
    }
}
