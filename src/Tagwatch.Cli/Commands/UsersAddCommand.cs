using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Accounts;
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
        var role = OptionParsers.Enum<Role>(settings.Role, "--role");
        string? password = settings.PasswordStdin ? (await CliContext.Current.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') : null;
        if (settings.PasswordStdin && string.IsNullOrEmpty(password))
        {
            throw new ArgumentException("--password-stdin: standard input held no password.");
        }

        var services = await Workspace.OpenAsync(settings, cancellationToken);
        // A chosen password cannot wait in the audit log: a request that waits gives the approver a one-time password instead.
        var result = await services.Provider.GetRequiredService<AddUser>().ExecuteAsync(ConsoleActor.In(Role.Administrator),
            new AddUserRequest(settings.Username, role, settings.Boroughs, settings.Caseload, settings.DisplayName, password), cancellationToken);
        if (!result.Succeeded)
        {
            return ConsoleApprovals.Fail(result.Failure);
        }

        if (result.Value.Pending is { } pending)
        {
            ConsoleApprovals.PrintPending(pending);
            return ExitCodes.Ok;
        }

        var account = result.Value.User!;
        CliContext.Current.Console.MarkupLineInterpolated($"User {account.Username} created ({OptionParsers.Kebab(account.Role.ToString())}).");
        if (result.Value.OneTimePassword is { } oneTime)
        {
            ConsoleApprovals.PrintOneTimePassword(oneTime);
        }

        return ExitCodes.Ok;
    }
}
