using Microsoft.EntityFrameworkCore;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Identity;
using Tagwatch.Application.Reports;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Storage;

namespace Tagwatch.Application.Tests.Reports;

public sealed class ReadSchemeSummaryTests
{
    private static readonly Actor Evaluator = Actor.Unscoped("eve", Role.Evaluator);

    [Fact]
    public async Task Execute_MoreAlertsThanAPage_CountsEveryAlert()
    {
        await using var host = await UseCaseHost.StartAsync();
        // The five oldest are curfew breaches, so a report that read only the newest 100,000 rows would miss all of them.
        await AddAlertsAsync(host, "curfew_breach", "Open", 5);
        await AddAlertsAsync(host, "low_battery", "Resolved", 100_000);

        var result = await host.Get<ReadSchemeSummary>().ExecuteAsync(Evaluator, new SchemeSummaryRequest(), CancellationToken.None);

        Assert.True(result.Succeeded);
        var alerts = result.Value.Alerts;
        Assert.Equal(100_005, alerts.Total);
        Assert.Equal(5, alerts.ByType!["curfew_breach"]);
        Assert.Equal(100_000, alerts.ByType["low_battery"]);
        Assert.Equal(100_000, alerts.ByCategory!["device"]);
        Assert.Equal(5, result.Value.Compliance.BreachAlerts);
    }

    [Fact]
    public async Task Execute_SmallCounts_AreWithheldAsBefore()
    {
        await using var host = await UseCaseHost.StartAsync();
        await AddAlertsAsync(host, "curfew_breach", "Open", 1);
        await AddAlertsAsync(host, "low_battery", "Open", 10);

        var result = await host.Get<ReadSchemeSummary>().ExecuteAsync(Evaluator, new SchemeSummaryRequest(), CancellationToken.None);

        Assert.Equal(11, result.Value.Alerts.Total);
        Assert.Null(result.Value.Alerts.ByType!["curfew_breach"]);
        Assert.Null(result.Value.Alerts.ByType["low_battery"]);
        Assert.Equal(11, result.Value.Alerts.ByState!["Open"]);
    }

    [Fact]
    public async Task Execute_RoleWithoutReports_IsForbiddenAndNothingIsAudited()
    {
        await using var host = await UseCaseHost.StartAsync();

        var result = await host.Get<ReadSchemeSummary>().ExecuteAsync(Actor.Unscoped("pat", Role.Police), new SchemeSummaryRequest(), CancellationToken.None);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
        Assert.Empty(await host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ViewRecord)));
    }

    [Fact]
    public async Task Execute_RecordsTheLookInTheAuditLog()
    {
        await using var host = await UseCaseHost.StartAsync();

        var result = await host.Get<ReadSchemeSummary>().ExecuteAsync(Evaluator, new SchemeSummaryRequest(), CancellationToken.None);

        var entry = Assert.Single(await host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ViewRecord)));
        Assert.Equal(
            new AuditEvent("eve", "Evaluator", AuditActions.ViewRecord, "report", "summary", $"aggregate scheme summary since the scheme began to {result.Value.Period.To}"),
            entry.Event);
    }

    [Fact]
    public async Task Execute_ACsvSectionExportForAPeriod_IsAuditedWithThePeriodAndTheSection()
    {
        await using var host = await UseCaseHost.StartAsync();

        await host.Get<ReadSchemeSummary>().ExecuteAsync(
            Evaluator, new SchemeSummaryRequest(new LocalDate(2019, 4, 1), new LocalDate(2019, 4, 30), "alerts"), CancellationToken.None);

        var entry = Assert.Single(await host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ViewRecord)));
        Assert.Equal("aggregate scheme summary 2019-04-01 to 2019-04-30, exported as CSV section alerts", entry.Event.Data);
    }

    [Fact]
    public async Task Execute_Period_CountsOnlyAlertsRaisedInIt()
    {
        await using var host = await UseCaseHost.StartAsync();
        await AddAlertsAsync(host, "curfew_breach", "Open", 4, raisedUnixMs: 1551441600000); // 1 March 2019
        await AddAlertsAsync(host, "exclusion_breach", "Open", 5, raisedUnixMs: 1554120000000); // 1 April 2019
        await AddAlertsAsync(host, "low_battery", "Open", 6, raisedUnixMs: 1554120000000);
        await EnrolAsync(host, 3);
        host.Clock.Advance(TimeSpan.FromDays(70)); // 10 May 2019

        var result = await host.Get<ReadSchemeSummary>().ExecuteAsync(
            Evaluator, new SchemeSummaryRequest(new LocalDate(2019, 4, 1), new LocalDate(2019, 4, 30)), CancellationToken.None);

        var report = result.Value;
        Assert.Equal(11, report.Alerts.Total);
        Assert.False(report.Alerts.ByType!.ContainsKey("curfew_breach"));
        Assert.Equal(0, report.Compliance.CurfewBreaches);
        Assert.Equal(5, report.Compliance.ZoneBreaches);
        // Three people monitored every day of April: 90 days; five zone breaches in them.
        Assert.Equal(90, report.Caseload.MonitoredPersonDays);
        Assert.Equal(5.56, report.Compliance.ZoneBreachesPer100PersonDays);
        Assert.Equal(new SchemeSummary.PeriodCovered("2019-04-01", "2019-04-30"), report.Period);
    }

    [Fact]
    public async Task Execute_Period_CountsTheCaseloadOfEachMonthByBorough_SmallOnesWithheld()
    {
        await using var host = await UseCaseHost.StartAsync();
        await EnrolAsync(host, 3);
        host.Clock.Advance(TimeSpan.FromDays(40)); // 10 April 2019

        var result = await host.Get<ReadSchemeSummary>().ExecuteAsync(Evaluator, new SchemeSummaryRequest(new LocalDate(2019, 2, 1)), CancellationToken.None);

        // From the first month anyone was monitored (March, not February) to today's.
        var months = result.Value.Caseload.ByMonth;
        Assert.Equal(["2019-03", "2019-04"], months.Select(m => m.Month));
        Assert.Equal(3, Assert.Single(months[0].ByHomeBorough!).Value);
        // March 1 to April 10, three people: 41 days each.
        Assert.Equal(123, result.Value.Caseload.MonitoredPersonDays);

        var fewer = await host.Get<ReadSchemeSummary>().ExecuteAsync(Evaluator, new SchemeSummaryRequest(new LocalDate(2020, 1, 1), new LocalDate(2020, 1, 31)), CancellationToken.None);
        Assert.Equal(0, fewer.Value.Caseload.MonitoredPersonDays);
        // Every licence ended in December 2019: nothing after it.
        Assert.Empty(fewer.Value.Caseload.ByMonth);
    }

    [Fact]
    public async Task Execute_SmallMonthlyCaseload_IsWithheld()
    {
        await using var host = await UseCaseHost.StartAsync();
        await EnrolAsync(host, 2);

        var result = await host.Get<ReadSchemeSummary>().ExecuteAsync(Evaluator, new SchemeSummaryRequest(), CancellationToken.None);

        Assert.Null(Assert.Single(result.Value.Caseload.ByMonth).ByHomeBorough);
    }

    [Fact]
    public async Task Execute_PeriodEndingBeforeItStarts_IsInvalidAgainstTheLastDay()
    {
        await using var host = await UseCaseHost.StartAsync();

        var result = await host.Get<ReadSchemeSummary>().ExecuteAsync(
            Evaluator, new SchemeSummaryRequest(new LocalDate(2019, 4, 2), new LocalDate(2019, 4, 1)), CancellationToken.None);

        Assert.Equal(FailureKind.Invalid, result.Failure?.Kind);
        Assert.Equal("to", result.Failure?.Field);
    }

    [Fact]
    public async Task Execute_AlertsActedOn_GivesTheMedianWaitToAcknowledgeAndResolveByType()
    {
        await using var host = await UseCaseHost.StartAsync();
        var store = host.Get<IAlertStore>();
        var desk = host.Get<AlertDesk>();
        var now = Instant.FromDateTimeOffset(host.Clock.GetUtcNow());
        var raised = new List<long>();
        for (int i = 0; i < 3; i++)
        {
            var kind = AlertKind.NoContact;
            raised.Add((await store.RaiseAsync(new Alert(0, kind, kind.Severity, AlertState.Open, TagId.Parse("TAG-1"), null, null, now, null, now, "test", "{}", 0), "raised")).Id);
        }

        // Acknowledged after 10, 20 and 30 minutes; resolved an hour after raising.
        foreach (long id in raised)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(10));
            await desk.AcknowledgeAsync(id, "mo", null);
        }

        host.Clock.Advance(TimeSpan.FromMinutes(30));
        foreach (long id in raised)
        {
            await desk.ResolveAsync(id, "mo", "done");
        }

        var result = await host.Get<ReadSchemeSummary>().ExecuteAsync(Evaluator, new SchemeSummaryRequest(), CancellationToken.None);

        var times = Assert.Single(result.Value.Alerts.ResponseTimes);
        Assert.Equal(new SchemeSummary.AlertResponseTimes(Core.Alerts.AlertKind.NoContact, 3, 20, 3, 60), times);
    }

    private static async Task EnrolAsync(UseCaseHost host, int people)
    {
        for (int i = 0; i < people; i++)
        {
            await host.EnrolAsync($"Person{i}");
        }
    }

    // Alerts written straight into the table in one statement: raising 100,000 through the monitor would take minutes.
    private static async Task AddAlertsAsync(UseCaseHost host, string type, string state, int count, long raisedUnixMs = 1551441600000)
    {
        await using var context = host.Get<TagwatchDatabase>().CreateContext();
        await context.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
            INSERT INTO alerts (Type, Severity, State, DeviceId, StartUnixMs, RaisedUnixMs, Summary, Evidence, Repeats)
            SELECT {type}, 'Urgent', {state}, 'TAG-' || i, {raisedUnixMs}, {raisedUnixMs}, 'test', {"{}"}, 0 FROM n
            """);
    }
}
