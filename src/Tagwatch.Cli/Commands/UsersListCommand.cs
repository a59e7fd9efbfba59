using Tagwatch.Application.Accounts;
using Tagwatch.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch users list</c>: accounts with role, scope and state (never secrets).</summary>
internal sealed class UsersListCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var table = new Table().AddColumns("user", "role", "boroughs", "caseload", "second factor", "state", "created");
        foreach (var user in await services.Accounts.ListAsync(cancellationToken: cancellationToken))
        {
            table.AddRow(
                Markup.Escape(user.Username), OptionParsers.Kebab(user.Role.ToString()), Markup.Escape(string.Join(", ", user.Boroughs)),
                Markup.Escape(string.Join(", ", user.Caseload)), user.TwoFactor ? "yes" : "no", State(user), OffenderView.Time(user.Created));
        }

        CliContext.Current.Console.Write(table);
        return ExitCodes.Ok;
    }

    /// <summary>An account in words, for audit records of changes to it.</summary>
    public static string Describe(string what, UserAccount user) =>
        $"{what}: role {user.Role}; boroughs [{string.Join(",", user.Boroughs)}]; caseload [{string.Join(",", user.Caseload)}]; {State(user)}";

    private static string State(UserAccount user) =>
        user.Disabled ? "disabled" : user.LockedOut ? "locked" : user.MustChangePassword ? "must change password" : "active";
}
