using Tagwatch.Application.Matches;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Matches;
using static Tagwatch.Application.Tests.Matches.MatchesFixture;

namespace Tagwatch.Application.Tests.Matches;

public sealed class MatchVisibilityTests
{
    public static TheoryData<string, MatchState, string?, bool, bool> Matrix => new()
    {
        // who, the match's state, its crime's borough, significant, visible
        { "reviewer", MatchState.New, Lambeth, true, true },
        { "reviewer", MatchState.Dismissed, null, false, true },
        { "reviewer", MatchState.Disclosed, Southwark, true, true },
        { "lambeth police", MatchState.Disclosed, Lambeth, true, true },
        { "lambeth police", MatchState.Qualified, Lambeth, true, false },
        { "lambeth police", MatchState.New, Lambeth, true, false },
        { "lambeth police", MatchState.Withdrawn, Lambeth, true, false },
        { "lambeth police", MatchState.Disclosed, Lambeth, false, false },
        { "lambeth police", MatchState.Disclosed, Southwark, true, false },
        { "lambeth police", MatchState.Disclosed, null, true, false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task FindAsync_ByRoleAndBorough_ShowsOnlyWhatTheRuleAllows_AndHidesTheRestAsUnknown(string who, MatchState state, string? borough, bool significant, bool visible)
    {
        await using var fixture = await StartAsync();
        fixture.Store.Add(7, state, borough, significant);
        var actor = who == "reviewer" ? Reviewer : PoliceOf(Lambeth);

        var found = await fixture.Visibility.FindAsync(actor, 7, CancellationToken.None);
        await using var empty = await StartAsync();
        var unknown = await empty.Visibility.FindAsync(actor, 7, CancellationToken.None);

        Assert.Equal(visible, found.Succeeded);
        if (!visible)
        {
            Assert.Equal(unknown.Failure, found.Failure); // the same answer as an id that does not exist
            Assert.NotNull(await fixture.Visibility.HiddenReasonAsync(actor, 7, CancellationToken.None));
        }
    }

    [Theory]
    [InlineData(Role.ProbationOfficer)]
    [InlineData(Role.MonitoringOfficer)]
    [InlineData(Role.Evaluator)]
    [InlineData(Role.Administrator)]
    public async Task ListAndShow_RoleWithoutMatches_AreForbidden(Role role)
    {
        await using var fixture = await StartAsync();
        fixture.Store.Add(7, MatchState.Disclosed, Lambeth);
        var actor = Actor.Unscoped("someone", role);

        var list = await fixture.List.ExecuteAsync(actor, new ListMatchesRequest(), CancellationToken.None);
        var show = await fixture.Show.ExecuteAsync(actor, new MatchRequest(7), CancellationToken.None);

        Assert.Equal(FailureKind.Forbidden, list.Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, show.Failure?.Kind);
    }

    [Fact]
    public async Task ListMatches_Police_SeeOnlyTheirBoroughsDisclosedMatches_AndTheListingIsAudited()
    {
        await using var fixture = await StartAsync();
        fixture.Store.Add(1, MatchState.Disclosed, Lambeth);
        fixture.Store.Add(2, MatchState.Disclosed, Southwark);
        fixture.Store.Add(3, MatchState.Qualified, Lambeth);

        var listed = await fixture.List.ExecuteAsync(PoliceOf(Lambeth), new ListMatchesRequest(), CancellationToken.None);

        Assert.Equal([1L], listed.Value.Matches.Select(m => m.Id));
        Assert.False(listed.Value.ShowAmendmentCounts);
        var audited = Assert.Single(await fixture.AuditedAsync("list.matches"));
        Assert.Equal(("police.E09000022", "Police", "1 matches"), (audited.Actor, audited.ActorRole, audited.Data));
    }

    [Fact]
    public async Task ShowMatch_Visible_IsAuditedWithTheCrimeAndSubject_Hidden_IsNotShownOrAuditedAsAView()
    {
        await using var fixture = await StartAsync();
        fixture.Store.Add(1, MatchState.Disclosed, Lambeth);

        var shown = await fixture.Show.ExecuteAsync(PoliceOf(Lambeth), new MatchRequest(1), CancellationToken.None);
        var hidden = await fixture.Show.ExecuteAsync(PoliceOf(Southwark), new MatchRequest(1), CancellationToken.None);

        Assert.True(shown.Succeeded);
        Assert.Equal(FailureKind.NotFound, hidden.Failure?.Kind);
        var audited = Assert.Single(await fixture.AuditedAsync("view.match"));
        Assert.Equal(("police.E09000022", "1", "match with evidence; crime MPS/CR1; subject A0001"), (audited.Actor, audited.SubjectId, audited.Data));
    }
}
