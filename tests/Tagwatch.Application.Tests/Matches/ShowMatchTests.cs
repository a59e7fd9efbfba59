using NodaTime;
using Tagwatch.Application.Matches;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Matches;
using static Tagwatch.Application.Tests.Matches.MatchesFixture;

namespace Tagwatch.Application.Tests.Matches;

/// <summary>One match shown with what its evidence map needs: the crime it was made against and the run's search buffer.</summary>
public sealed class ShowMatchTests
{
    private static Crime CrimeOf(long matchId, int version, string text)
    {
        var place = new GeoPoint(51.4613, -0.1156);
        var at = Instant.FromUtc(2019, 3, 1, 12, 30);
        return new Crime
        {
            Force = "MPS", Reference = $"CR{matchId}", Version = version, Category = CrimeCategory.Robbery, CategoryCode = "robbery",
            CommittedFrom = at, CommittedTo = at + Duration.FromMinutes(15), Position = place, Grid = NationalGrid.ToGrid(place),
            LocationPrecisionMetres = 25, Text = text,
        };
    }

    [Fact]
    public async Task ExecuteAsync_Reviewer_GetsTheCrimeVersionMatchedAndTheBufferOfTheRunThatMadeIt()
    {
        await using var fixture = await StartAsync();
        fixture.Store.Add(7, MatchState.New, Lambeth);
        fixture.Store.RunParameters = """{"BufferMetres":150}""";
        await fixture.Crimes.UpsertAsync([CrimeOf(7, 1, "phone taken at the bus stop")], Instant.FromUtc(2019, 3, 2, 9, 0));
        await fixture.Crimes.UpsertAsync([CrimeOf(7, 1, "phone taken at the bus stop, corrected")], Instant.FromUtc(2019, 3, 3, 9, 0));

        var shown = await fixture.Show.ExecuteAsync(Reviewer, new MatchRequest(7), CancellationToken.None);

        Assert.True(shown.Succeeded);
        Assert.Equal("phone taken at the bus stop", shown.Value.Crime?.Text);
        Assert.Equal(25, shown.Value.Crime?.LocationPrecisionMetres);
        Assert.Equal(150, shown.Value.BufferMetres);
    }

    [Fact]
    public async Task ExecuteAsync_RunParametersNotRecorded_GivesTheDefaultBufferAndNoCrimeWhenItIsGone()
    {
        await using var fixture = await StartAsync();
        fixture.Store.Add(7, MatchState.Disclosed, Lambeth);

        var shown = await fixture.Show.ExecuteAsync(PoliceOf(Lambeth), new MatchRequest(7), CancellationToken.None);

        Assert.True(shown.Succeeded);
        Assert.Null(shown.Value.Crime);
        Assert.Equal(new Tagwatch.Correlation.Scored.ScoringParameters().BufferMetres, shown.Value.BufferMetres);
    }
}
