using Tagwatch.Application.Accounts;
using Tagwatch.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch users list</c>: accounts with role, scope and state (never secrets).</summary>
internal sealed class UsersListCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ListUsers>().ExecuteAsync(ConsoleActor.In(Role.Administrator), new ListUsersRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            return ConsoleApprovals.Fail(result.Failure);
        }

        var table = new Table().AddColumns("user", "role", "boroughs", "caseload", "second factor", "state", "created");
        foreach (var user in result.Value)
        {
            table.AddRow(
                Markup.Escape(user.Username), OptionParsers.Kebab(user.Role.ToString()), Markup.Escape(string.Join(", ", user.Boroughs)),
                Markup.Escape(string.Join(", ", user.Caseload)), user.TwoFactor ? "yes" : "no", AccountDescriptions.State(user), OffenderView.Time(user.Created));
        }

        CliContext.Current.Console.Write(table);
        return ExitCodes.Ok;
    }
}
