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

/// <summary><c>tagwatch tokens create --username U --name N [--days 90]</c>: a personal API token, shown once.</summary>
internal sealed class TokensCreateCommand : AsyncCommand<TokensCreateCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--username <NAME>")]
        public string Username { get; init; } = "";

        [CommandOption("--name <NAME>")]
        [Description("What the token is for (e.g. the integration using it).")]
        public string Name { get; init; } = "";

        [CommandOption("--days <DAYS>")]
        [Description("Lifetime in days (1–366, default 90).")]
        public int Days { get; init; } = 90;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Username) || string.IsNullOrWhiteSpace(settings.Name))
        {
            throw new ArgumentException("--username and --name are required.");
        }

        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<CreateToken>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new CreateTokenRequest(settings.Name, settings.Days, settings.Username), cancellationToken);
        if (!result.Succeeded)
        {
            return TokensRevokeCommand.Fail(result.Failure);
        }

        var (token, secret) = result.Value;
        CliContext.Current.Console.MarkupLineInterpolated($"Token {token.Id} for {token.Username}, expires {OffenderView.Time(token.Expires)}. Secret (shown once):");
        CliContext.Current.Out.WriteLine(secret);
        return ExitCodes.Ok;
    }
}

/// <summary><c>tagwatch tokens list [--username U]</c>.</summary>
internal sealed class TokensListCommand : AsyncCommand<TokensListCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--username <NAME>")]
        public string? Username { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ListTokens>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new ListTokensRequest(settings.Username), cancellationToken);
        if (!result.Succeeded)
        {
            return TokensRevokeCommand.Fail(result.Failure);
        }

        var table = new Table().AddColumns("id", "user", "name", "created", "expires", "last used", "revoked");
        foreach (var t in result.Value)
        {
            table.AddRow(
                t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(t.Username), Markup.Escape(t.Name), OffenderView.Time(t.Created),
                OffenderView.Time(t.Expires), t.LastUsed is { } used ? OffenderView.Time(used) : "", t.Revoked is { } revoked ? OffenderView.Time(revoked) : "");
        }

        CliContext.Current.Console.Write(table);
        return ExitCodes.Ok;
    }
}

/// <summary><c>tagwatch tokens revoke ID</c>.</summary>
internal sealed class TokensRevokeCommand : AsyncCommand<TokensRevokeCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<ID>")]
        public long Id { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<RevokeToken>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new RevokeTokenRequest(settings.Id), cancellationToken);
        if (!result.Succeeded)
        {
            return Fail(result.Failure);
        }

        CliContext.Current.Console.MarkupLineInterpolated($"Token {settings.Id} revoked.");
        return ExitCodes.Ok;
    }

    internal static int Fail(UseCaseFailure failure)
    {
        CliContext.Current.Error.WriteLine(UseCaseExit.Message(failure));
        return UseCaseExit.Code(failure);
    }
}
