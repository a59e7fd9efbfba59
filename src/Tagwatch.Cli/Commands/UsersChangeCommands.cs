using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary>Settings naming one account.</summary>
internal class UserSettings : DatabaseSettings
{
    [CommandArgument(0, "<USERNAME>")]
    public string Username { get; init; } = "";
}

/// <summary><c>tagwatch users disable|enable USERNAME</c>: on disabling, sessions end and tokens are revoked at once.</summary>
internal abstract class UsersAccessCommand : AsyncCommand<UserSettings>
{
    protected abstract bool Disable { get; }

    public override async Task<int> ExecuteAsync(CommandContext context, UserSettings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        await services.Accounts.SetDisabledAsync(settings.Username, Disable, cancellationToken);
        var account = await services.Accounts.GetAsync(settings.Username, cancellationToken);
        string what = Disable ? "disabled" : "enabled";
        await services.Audit.AppendAsync(ConsoleActor.Event(AuditActions.ChangeUsers, "user", account.Username, UsersListCommand.Describe(what, account)), cancellationToken);
        CliContext.Current.Console.MarkupLineInterpolated($"User {account.Username} {what}.");
        return ExitCodes.Ok;
    }
}

/// <summary><c>tagwatch users disable USERNAME</c>.</summary>
internal sealed class UsersDisableCommand : UsersAccessCommand
{
    protected override bool Disable => true;
}

/// <summary><c>tagwatch users enable USERNAME</c>.</summary>
internal sealed class UsersEnableCommand : UsersAccessCommand
{
    protected override bool Disable => false;
}

/// <summary><c>tagwatch users reset-password USERNAME</c>: prints a one-time password; unlocks; ends sessions and revokes tokens.</summary>
internal sealed class UsersResetPasswordCommand : AsyncCommand<UserSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, UserSettings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var account = await services.Accounts.GetAsync(settings.Username, cancellationToken);
        if (await ConsoleApprovals.SubmitAsync(services, new AccountChange(AccountChangeKind.ResetPassword, account.Username), cancellationToken) is not { OneTimePassword: { } oneTime })
        {
            return ExitCodes.Ok;
        }

        await services.Audit.AppendAsync(ConsoleActor.Event(AuditActions.ChangeUsers, "user", account.Username, UsersListCommand.Describe("password reset", account)), cancellationToken);
        CliContext.Current.Console.MarkupLineInterpolated($"One-time password for {account.Username} (shown once; must be changed at first sign-in):");
        CliContext.Current.Out.WriteLine(oneTime);
        return ExitCodes.Ok;
    }
}

/// <summary><c>tagwatch users role USERNAME --role R [--borough B]…</c>: another role and scope; the account's sessions end.</summary>
internal sealed class UsersRoleCommand : AsyncCommand<UsersRoleCommand.Settings>
{
    internal sealed class Settings : UserSettings
    {
        [CommandOption("--role <ROLE>")]
        public string Role { get; init; } = "";

        [CommandOption("--borough <BOROUGH>")]
        [Description("A police account's borough; repeat for several.")]
        public string[] Boroughs { get; init; } = [];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var role = OptionParsers.Enum<Core.Access.Role>(settings.Role, "--role");
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        await services.Accounts.GetAsync(settings.Username, cancellationToken); // an unknown account is named now, not at approval
        if (await ConsoleApprovals.SubmitAsync(services, new AccountChange(AccountChangeKind.ChangeRole, settings.Username, role, settings.Boroughs), cancellationToken) is null)
        {
            return ExitCodes.Ok;
        }

        var account = await services.Accounts.GetAsync(settings.Username, cancellationToken);
        await services.Audit.AppendAsync(ConsoleActor.Event(AuditActions.ChangeUsers, "user", account.Username, UsersListCommand.Describe("role changed", account)), cancellationToken);
        CliContext.Current.Console.MarkupLineInterpolated($"{account.Username} is now {OptionParsers.Kebab(account.Role.ToString())}; their sessions have ended.");
        return ExitCodes.Ok;
    }
}

/// <summary><c>tagwatch users caseload USERNAME --caseload REF…</c>: replaces a probation officer's caseload.</summary>
internal sealed class UsersCaseloadCommand : AsyncCommand<UsersCaseloadCommand.Settings>
{
    internal sealed class Settings : UserSettings
    {
        [CommandOption("--caseload <REF>")]
        [Description("An offender reference; repeat for several; none empties the caseload.")]
        public string[] Caseload { get; init; } = [];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        await services.Accounts.GetAsync(settings.Username, cancellationToken); // an unknown account is named now, not at approval
        if (await ConsoleApprovals.SubmitAsync(services, new AccountChange(AccountChangeKind.ReplaceCaseload, settings.Username, Caseload: settings.Caseload), cancellationToken) is null)
        {
            return ExitCodes.Ok;
        }

        var account = await services.Accounts.GetAsync(settings.Username, cancellationToken);
        await services.Audit.AppendAsync(ConsoleActor.Event(AuditActions.ChangeUsers, "user", account.Username, UsersListCommand.Describe("caseload replaced", account)), cancellationToken);
        CliContext.Current.Console.MarkupLineInterpolated($"{account.Username}'s caseload: {string.Join(", ", account.Caseload)}");
        return ExitCodes.Ok;
    }
}
