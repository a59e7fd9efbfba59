using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.UseCases;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary>Settings naming one account.</summary>
internal class UserSettings : DatabaseSettings
{
    [CommandArgument(0, "<USERNAME>")]
    public string Username { get; init; } = "";
}

/// <summary><c>tagwatch users disable|enable USERNAME</c>: on disabling, sessions end and tokens are revoked at once.</summary>
internal abstract class UsersAccessCommand<TStep> : AsyncCommand<UserSettings>
    where TStep : SetUserAccess
{
    public override async Task<int> ExecuteAsync(CommandContext context, UserSettings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<TStep>().ExecuteAsync(ConsoleActor.In(Role.Administrator), new UserRequest(settings.Username), cancellationToken);
        if (!result.Succeeded)
        {
            return ConsoleApprovals.Fail(result.Failure);
        }

        CliContext.Current.Console.MarkupLineInterpolated($"User {result.Value.Username} {(result.Value.Disabled ? "disabled" : "enabled")}.");
        return ExitCodes.Ok;
    }
}

/// <summary><c>tagwatch users disable USERNAME</c>.</summary>
internal sealed class UsersDisableCommand : UsersAccessCommand<DisableUser>;

/// <summary><c>tagwatch users enable USERNAME</c>.</summary>
internal sealed class UsersEnableCommand : UsersAccessCommand<EnableUser>;

/// <summary><c>tagwatch users reset-password USERNAME</c>: prints a one-time password; unlocks; ends sessions and revokes tokens.</summary>
internal sealed class UsersResetPasswordCommand : AsyncCommand<UserSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, UserSettings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ResetPassword>().ExecuteAsync(ConsoleActor.In(Role.Administrator), new UserRequest(settings.Username), cancellationToken);
        return UsersChange.Print(result, done =>
        {
            if (done.OneTimePassword is { } oneTime)
            {
                ConsoleApprovals.PrintOneTimePassword(oneTime, done.User!.Username);
            }
        });
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
        var role = OptionParsers.Enum<Role>(settings.Role, "--role");
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ChangeRole>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new ChangeRoleRequest(settings.Username, role, settings.Boroughs), cancellationToken);
        return UsersChange.Print(result, done =>
            CliContext.Current.Console.MarkupLineInterpolated($"{done.User!.Username} is now {OptionParsers.Kebab(done.User.Role.ToString())}; their sessions have ended."));
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
        var result = await services.Provider.GetRequiredService<ChangeCaseload>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new ChangeCaseloadRequest(settings.Username, settings.Caseload), cancellationToken);
        return UsersChange.Print(result, done =>
            CliContext.Current.Console.MarkupLineInterpolated($"{done.User!.Username}'s caseload: {string.Join(", ", done.User.Caseload)}"));
    }
}

/// <summary>The console's answer to an account change: the failure, the request waiting for approval, or what was done.</summary>
internal static class UsersChange
{
    public static int Print(UseCaseResult<AccountChangeOutcome> result, Action<AccountChangeOutcome> done)
    {
        if (!result.Succeeded)
        {
            return ConsoleApprovals.Fail(result.Failure);
        }

        if (result.Value.Pending is { } pending)
        {
            ConsoleApprovals.PrintPending(pending);
        }
        else
        {
            done(result.Value);
        }

        return ExitCodes.Ok;
    }
}
