using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch users add --username U --role R [--borough B]… [--caseload REF]… [--password-stdin]</c>.</summary>
internal sealed class UsersAddCommand : AsyncCommand<UsersAddCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--username <NAME>")]
        public string Username { get; init; } = "";

        [CommandOption("--role <ROLE>")]
        [Description("administrator, monitoring-officer, probation-officer, police, match-reviewer, evaluator or auditor.")]
        public string Role { get; init; } = "";

        [CommandOption("--borough <BOROUGH>")]
        [Description("A police account's borough (name or code); repeat for several.")]
        public string[] Boroughs { get; init; } = [];

        [CommandOption("--caseload <REF>")]
        [Description("A probation officer's case (offender reference); repeat for several.")]
        public string[] Caseload { get; init; } = [];

        [CommandOption("--display-name <NAME>")]
        public string? DisplayName { get; init; }

        [CommandOption("--password-stdin")]
        [Description("Read the password from standard input; without it a one-time password is printed, to be changed at first sign-in.")]
        public bool PasswordStdin { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Username))
        {
            throw new ArgumentException("--username is required.");
        }

        var role = OptionParsers.Enum<Role>(settings.Role, "--role");
        string? password = settings.PasswordStdin ? (await CliContext.Current.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') : null;
        if (settings.PasswordStdin && string.IsNullOrEmpty(password))
        {
            throw new ArgumentException("--password-stdin: standard input held no password.");
        }

        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var change = new AccountChange(AccountChangeKind.CreateUser, settings.Username, role, settings.Boroughs, settings.Caseload, settings.DisplayName);
        if (await ConsoleApprovals.Of(services).NeedsApprovalAsync(change, ConsoleActor.Name, cancellationToken))
        {
            // A chosen password cannot wait in the audit log: the approver is given a one-time password instead.
            await ConsoleApprovals.SubmitAsync(services, change, cancellationToken);
            return ExitCodes.Ok;
        }

        var (account, oneTime) = await services.Accounts.CreateAsync(
            new NewUser(settings.Username, role, settings.Boroughs, settings.Caseload, settings.DisplayName), password, cancellationToken);
        await services.Audit.AppendAsync(ConsoleActor.Event(AuditActions.ChangeUsers, "user", account.Username, UsersListCommand.Describe("created", account)), cancellationToken);
        CliContext.Current.Console.MarkupLineInterpolated($"User {account.Username} created ({OptionParsers.Kebab(account.Role.ToString())}).");
        if (oneTime is not null)
        {
            CliContext.Current.Console.MarkupLineInterpolated($"One-time password (shown once; must be changed at first sign-in):");
            CliContext.Current.Out.WriteLine(oneTime);
        }

        return ExitCodes.Ok;
    }
}
