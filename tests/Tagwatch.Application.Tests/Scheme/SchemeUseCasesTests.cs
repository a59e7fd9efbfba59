using Tagwatch.Application.Audit;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Scheme;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Application.Tests.Scheme;

public sealed class SchemeUseCasesTests
{
    private static readonly Actor Admin = Actor.Unscoped("ada.admin", Role.Administrator);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Change_GivenValuesReplaceTheirs_TheRestKeepTheirs_AndTheResultIsRecorded()
    {
        await using var host = await UseCaseHost.StartAsync();

        var result = await host.Get<ChangeScheme>().ExecuteAsync(Admin,
            new ChangeSchemeRequest(Capacity: 120, Boroughs: ["Lambeth", "E09000008"], CorrelationMinimumTier: RiskTier.High), None);

        var settings = (await host.Get<ShowScheme>().ExecuteAsync(Admin, new ShowSchemeRequest(), None)).Value.Settings;
        Assert.Equal(120, result.Value.Settings.Capacity);
        Assert.Equal((120, RiskTier.High), (settings.Capacity, settings.CorrelationMinimumTier));
        Assert.Equal(["E09000022", "E09000008"], settings.BoroughCodes);
        Assert.Equal(SchemeSettings.LondonPilot.EligibleOffences, settings.EligibleOffences);
        var record = Assert.Single(await host.Get<IAuditLog>().SearchAsync(new AuditQuery()));
        Assert.Equal(("ada.admin", AuditActions.ChangeSettings, "scheme"), (record.Event.Actor, record.Event.Action, record.Event.SubjectType));
        Assert.Equal("scheme: capacity 120; boroughs [E09000022,E09000008]; 2019-02-18–2020-02-17; correlation from High", record.Event.Data);
    }

    [Fact]
    public async Task Change_IncoherentOrAnUnknownBorough_IsInvalidNamingTheField_AndChangesNothing()
    {
        await using var host = await UseCaseHost.StartAsync();
        var change = host.Get<ChangeScheme>();

        var incoherent = await change.ExecuteAsync(Admin, new ChangeSchemeRequest(Capacity: 0, LengthMonths: 0), None);
        var unknown = await change.ExecuteAsync(Admin, new ChangeSchemeRequest(Boroughs: ["Gotham"]), None);

        Assert.Equal((FailureKind.Invalid, "scheme"), (incoherent.Failure?.Kind, incoherent.Failure?.Field));
        Assert.Contains("capacity must be at least 1", incoherent.Failure?.Message, StringComparison.Ordinal);
        Assert.Equal((FailureKind.Invalid, "boroughs"), (unknown.Failure?.Kind, unknown.Failure?.Field));
        Assert.Equal(SchemeSettings.LondonPilot, await host.Get<IOffenderStore>().GetSchemeAsync());
        Assert.Empty(await host.Get<IAuditLog>().SearchAsync(new AuditQuery()));
    }

    [Theory]
    [InlineData(Role.ProbationOfficer)]
    [InlineData(Role.Evaluator)]
    public async Task ShowAndChange_ForAnyoneButAnAdministrator_AreForbidden(Role role)
    {
        await using var host = await UseCaseHost.StartAsync();
        var actor = Actor.Unscoped("someone", role);

        var shown = await host.Get<ShowScheme>().ExecuteAsync(actor, new ShowSchemeRequest(), None);
        var changed = await host.Get<ChangeScheme>().ExecuteAsync(actor, new ChangeSchemeRequest(Capacity: 5), None);

        Assert.Equal((FailureKind.Forbidden, FailureKind.Forbidden), (shown.Failure?.Kind, changed.Failure?.Kind));
        Assert.Equal(SchemeSettings.LondonPilot.Capacity, (await host.Get<IOffenderStore>().GetSchemeAsync()).Capacity);
    }

    [Fact]
    public async Task Show_CountsThePeopleMonitoredToday()
    {
        await using var host = await UseCaseHost.StartAsync();
        await host.EnrolAsync();

        var shown = await host.Get<ShowScheme>().ExecuteAsync(Admin, new ShowSchemeRequest(), None);

        Assert.Equal((1, new NodaTime.LocalDate(2019, 3, 1)), (shown.Value.MonitoredToday, shown.Value.Today));
    }
}
