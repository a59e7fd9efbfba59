using Tagwatch.Cli.Hosting;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch tags credential list</c>: upload credentials (never their secrets).</summary>
internal sealed class TagsCredentialListCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        var table = new Table().AddColumns("id", "for", "name", "created", "revoked");
        foreach (var c in await workspace.Credentials.ListAsync(cancellationToken))
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
