using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Retention;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Tests;

namespace Tagwatch.Application.Tests.Retention;

public sealed class LegalHoldUseCasesTests
{
    private static readonly Actor Admin = Actor.Unscoped("ada", Role.Administrator);

    [Fact]
    public async Task PlaceAndLift_WithReasons_AreBothAudited()
    {
        await using var host = await UseCaseHost.StartAsync();
        string reference = await EnrolAsync(host);

        var placed = await host.Get<PlaceLegalHold>().ExecuteAsync(Admin, new PlaceLegalHoldRequest(reference, " appeal pending "), CancellationToken.None);
        var lifted = await host.Get<LiftLegalHold>().ExecuteAsync(Admin, new LiftLegalHoldRequest(reference, "appeal dismissed"), CancellationToken.None);
        var holds = await host.Get<ListLegalHolds>().ExecuteAsync(Admin, new ListLegalHoldsRequest(), CancellationToken.None);

        Assert.Equal("appeal pending", placed.Value.Reason);
        Assert.Equal(reference, lifted.Value.OffenderReference);
        Assert.NotNull(Assert.Single(holds.Value).Lifted);
        var audited = await host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.LegalHold));
        Assert.Equal(
            [
                new AuditEvent("ada", "Administrator", AuditActions.LegalHold, "offender", reference, "legal hold placed", "appeal pending"),
                new AuditEvent("ada", "Administrator", AuditActions.LegalHold, "offender", reference, "legal hold lifted", "appeal dismissed"),
            ],
            audited.Select(e => e.Event));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Lift_WithoutAReason_IsInvalidNamingTheReasonAndTheHoldStands(string? reason)
    {
        await using var host = await UseCaseHost.StartAsync();
        string reference = await EnrolAsync(host);
        await host.Get<PlaceLegalHold>().ExecuteAsync(Admin, new PlaceLegalHoldRequest(reference, "appeal pending"), CancellationToken.None);

        var result = await host.Get<LiftLegalHold>().ExecuteAsync(Admin, new LiftLegalHoldRequest(reference, reason), CancellationToken.None);

        Assert.Equal(FailureKind.Invalid, result.Failure?.Kind);
        Assert.Equal("reason", result.Failure?.Field);
        Assert.Null(Assert.Single((await host.Get<ListLegalHolds>().ExecuteAsync(Admin, new ListLegalHoldsRequest(), CancellationToken.None)).Value).Lifted);
    }

    [Fact]
    public async Task Place_OnNobodyEnrolled_IsNotFound_AndABadReferenceIsInvalid()
    {
        await using var host = await UseCaseHost.StartAsync();

        var nobody = await host.Get<PlaceLegalHold>().ExecuteAsync(Admin, new PlaceLegalHoldRequest("TW-99999", "appeal"), CancellationToken.None);
        var garbled = await host.Get<PlaceLegalHold>().ExecuteAsync(Admin, new PlaceLegalHoldRequest("not a reference", "appeal"), CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, nobody.Failure?.Kind);
        Assert.Equal("reference", garbled.Failure?.Field);
    }

    [Fact]
    public async Task EveryRetentionUseCase_RefusesARoleWithoutManageRetention()
    {
        await using var host = await UseCaseHost.StartAsync();
        var auditor = Actor.Unscoped("aud", Role.Auditor);

        Assert.Equal(FailureKind.Forbidden, (await host.Get<PlaceLegalHold>().ExecuteAsync(auditor, new PlaceLegalHoldRequest("TW-00001", "x"), CancellationToken.None)).Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, (await host.Get<LiftLegalHold>().ExecuteAsync(auditor, new LiftLegalHoldRequest("TW-00001", "x"), CancellationToken.None)).Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, (await host.Get<ListLegalHolds>().ExecuteAsync(auditor, new ListLegalHoldsRequest(), CancellationToken.None)).Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, (await host.Get<RunRetention>().ExecuteAsync(auditor, new RunRetentionRequest(DryRun: true), CancellationToken.None)).Failure?.Kind);
    }

    [Fact]
    public async Task Run_RecordsTheErasureButADryRunDoesNot()
    {
        await using var host = await UseCaseHost.StartAsync();

        await host.Get<RunRetention>().ExecuteAsync(Admin, new RunRetentionRequest(DryRun: true), CancellationToken.None);
        Assert.Empty(await host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.Erase)));
        var run = await host.Get<RunRetention>().ExecuteAsync(Admin, new RunRetentionRequest(DryRun: false), CancellationToken.None);

        Assert.True(run.Succeeded);
        var erased = Assert.Single(await host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.Erase)));
        Assert.Equal(("ada", "Administrator", "retention"), (erased.Event.Actor, erased.Event.ActorRole, erased.Event.SubjectType));
    }

    [Fact]
    public async Task Run_WithAnImpossiblePolicy_IsInvalid()
    {
        await using var host = await UseCaseHost.StartAsync();

        var result = await host.Get<RunRetention>().ExecuteAsync(Admin, new RunRetentionRequest(true, new RetentionPolicy { TrailDays = -1 }), CancellationToken.None);

        Assert.Equal("policy", result.Failure?.Field);
    }

    private static async Task<string> EnrolAsync(UseCaseHost host)
    {
        var enrolled = await host.Get<OffenderService>().EnrolAsync(EligibleEnrolment.Of(new LocalDate(2019, 3, 1), new LocalDate(2020, 3, 1)));
        return enrolled.Offender!.Reference.ToString();
    }
}
