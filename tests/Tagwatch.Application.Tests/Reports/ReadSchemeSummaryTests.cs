using Microsoft.EntityFrameworkCore;
using Tagwatch.Application.Audit;
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

        await host.Get<ReadSchemeSummary>().ExecuteAsync(Evaluator, new SchemeSummaryRequest(), CancellationToken.None);

        var entry = Assert.Single(await host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ViewRecord)));
        Assert.Equal(new AuditEvent("eve", "Evaluator", AuditActions.ViewRecord, "report", "summary", "aggregate scheme summary"), entry.Event);
    }

    // Alerts written straight into the table in one statement: raising 100,000 through the monitor would take minutes.
    private static async Task AddAlertsAsync(UseCaseHost host, string type, string state, int count)
    {
        await using var context = host.Get<TagwatchDatabase>().CreateContext();
        await context.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
            INSERT INTO alerts (Type, Severity, State, DeviceId, StartUnixMs, RaisedUnixMs, Summary, Evidence, Repeats)
            SELECT {type}, 'Urgent', {state}, 'TAG-' || i, 1551441600000, 1551441600000, 'test', {"{}"}, 0 FROM n
            """);
    }
}
