using Tagwatch.Cli.Hosting;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Tags;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch tags credential list</c>: upload credentials (never their secrets).</summary>
internal sealed class TagsCredentialListCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ListDeviceCredentials>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new ListDeviceCredentialsRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var table = new Table().AddColumns("id", "for", "name", "created", "revoked");
        foreach (var c in result.Value)
        {
            table.AddRow(
                c.Id.ToString(CultureInfo.InvariantCulture),
                c.Tag is { } tag ? Markup.Escape(tag.Value) : "gateway",
                Markup.Escape(c.Name),
                OffenderView.Time(c.Created),
                c.Revoked is { } revoked ? OffenderView.Time(revoked) : "");
        }

        CliContext.Current.Console.Write(table);
        return ExitCodes.Ok;
    }
}
