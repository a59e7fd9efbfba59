using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Offenders;
using Tagwatch.Cli.Hosting;
using Spectre.Console;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>One account per role on a demo database, with one-time passwords printed once, so a newcomer can sign in as each.</summary>
internal static class DemoUsers
{
    public static async Task CreateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var userAccounts = services.GetRequiredService<IUserAccounts>();
        var audit = services.GetRequiredService<IAuditLog>();
        if ((await userAccounts.ListAsync(cancellationToken: cancellationToken)).Count > 0)
        {
            CliContext.Current.Console.MarkupLine("Demo users exist already; [bold]tagwatch users reset-password NAME[/] issues a new one-time password.");
            return;
        }

        var today = Instant.FromDateTimeOffset(services.GetRequiredService<TimeProvider>().GetUtcNow()).InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        var offenders = await services.GetRequiredService<IOffenderStore>().ListAsync(cancellationToken);
        var people = offenders.Where(o => o.StatusOn(today) == Core.Offenders.OffenderStatus.Active).Select(o => o.Reference.ToString()).ToList();
        // The police analyst serves the borough of the disclosed match, so their outcome is in view; else the busiest one.
        var disclosed = (await services.GetRequiredService<ICorrelationStore>().ListMatchesAsync(cancellationToken))
            .Where(m => m.BoroughCode is not null && Enum.TryParse<Core.Matches.MatchState>(m.State, ignoreCase: true, out var state) && state == Core.Matches.MatchState.Disclosed)
            .Select(m => m.BoroughCode!);
        var boroughs = disclosed.Concat(offenders.GroupBy(o => o.HomeBoroughCode).OrderByDescending(g => g.Count()).Select(g => g.Key)).ToList();
        var accounts = new List<NewUser>
        {
            new("demo.admin", Role.Administrator, [], [], "Demo administrator"),
            new("demo.monitor", Role.MonitoringOfficer, [], [], "Demo monitoring officer"),
            new("demo.probation", Role.ProbationOfficer, [], people.Take(10).ToList(), "Demo probation officer"),
            new("demo.police", Role.Police, boroughs.Take(1).DefaultIfEmpty("E09000022").ToList(), [], "Demo police analyst"),
            new("demo.reviewer", Role.MatchReviewer, [], [], "Demo match reviewer"),
            new("demo.evaluator", Role.Evaluator, [], [], "Demo evaluator"),
            new("demo.auditor", Role.Auditor, [], [], "Demo data-protection officer"),
        };
        var table = new Table().AddColumns("user", "role", "scope", "one-time password");
        foreach (var user in accounts)
        {
            var (account, password) = await userAccounts.CreateAsync(user, cancellationToken: cancellationToken);
            await audit.AppendAsync(ConsoleActor.Event(AuditActions.ChangeUsers, "user", account.Username, $"demo account created: role {account.Role}"), cancellationToken);
            string scope = account.Role == Role.Police ? string.Join(",", account.Boroughs) : account.Role == Role.ProbationOfficer ? $"{account.Caseload.Count} people" : "";
            table.AddRow(Markup.Escape(account.Username), OptionParsers.Kebab(account.Role.ToString()), Markup.Escape(scope), Markup.Escape(password!));
        }

        CliContext.Current.Console.MarkupLine("Demo users (sign in with POST /api/v1/session; each must choose a new password first):");
        CliContext.Current.Console.Write(table);
    }
}
