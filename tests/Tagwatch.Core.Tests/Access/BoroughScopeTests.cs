using Tagwatch.Core.Access;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Geo;

namespace Tagwatch.Core.Tests.Access;

/// <summary>Police see and search only their boroughs, widened by the documented buffer; other roles are not scoped by place.</summary>
public sealed class BoroughScopeTests
{
    private const string Lambeth = "E09000022";
    private static readonly GeoPoint Brixton = new(51.4613, -0.1156);
    private static readonly GeoPoint CroydonCentre = new(51.3762, -0.0982);
    private static readonly GeoPoint OxfordCircus = new(51.5152, -0.1418); // Westminster
    private static readonly Actor LambethPolice = new("lam.police", Role.Police, new HashSet<string> { Lambeth }, new HashSet<string>());

    [Fact]
    public void CoversArea_PoliceOfLambeth_SearchesInLambethOnly()
    {
        Assert.True(AccessPolicy.CoversArea(LambethPolice, Brixton, 500));
        Assert.False(AccessPolicy.CoversArea(LambethPolice, CroydonCentre, 500));
        Assert.False(AccessPolicy.CoversArea(LambethPolice, OxfordCircus, 500));
        Assert.False(AccessPolicy.CoversArea(LambethPolice, CroydonCentre, 1));
    }

    [Fact]
    public void CoversPosition_PoliceOfLambeth_SeesFixesInLambethOnly()
    {
        Assert.True(AccessPolicy.CoversPosition(LambethPolice, Brixton));
        Assert.False(AccessPolicy.CoversPosition(LambethPolice, CroydonCentre));
        Assert.False(AccessPolicy.CoversPosition(LambethPolice, OxfordCircus));
        Assert.False(AccessPolicy.CoversPosition(LambethPolice, new GeoPoint(48.8566, 2.3522))); // Paris: off the National Grid's London box
    }

    [Fact]
    public void CoversPosition_PoliceWithoutBoroughs_SeesNothing()
    {
        var unscoped = Actor.Unscoped("no.borough", Role.Police);

        Assert.False(AccessPolicy.CoversPosition(unscoped, Brixton));
        Assert.False(AccessPolicy.CoversArea(unscoped, Brixton, 10));
    }

    [Fact]
    public void CoversArea_OtherRoles_AreScopedByCaseloadNotPlace()
    {
        Assert.True(AccessPolicy.CoversArea(Actor.Unscoped("pat", Role.ProbationOfficer), CroydonCentre, 2000));
        Assert.True(AccessPolicy.CoversPosition(Actor.Unscoped("mo", Role.MonitoringOfficer), OxfordCircus));
        Assert.False(AccessPolicy.CoversPosition(Actor.Unscoped("eve", Role.Evaluator), Brixton));
    }

    [Fact]
    public void Covers_JustOutsideTheBoundary_IsInsideTheBufferAndFurtherOutIsNot()
    {
        // Walk east from Brixton to the first point outside Lambeth (into Southwark), then beyond.
        double metresEast = 0;
        while (BoroughMap.London.Locate(East(Brixton, metresEast))?.Code == Lambeth)
        {
            metresEast += 5;
        }

        var scope = BoroughScope.Of([Lambeth]);
        var inBuffer = East(Brixton, metresEast + 100);
        var beyond = East(Brixton, metresEast + BoroughScope.BufferMetres + 200);

        Assert.NotEqual(Lambeth, BoroughMap.London.Locate(inBuffer)?.Code);
        Assert.NotEqual(Lambeth, BoroughMap.London.Locate(beyond)?.Code);
        Assert.True(scope.Covers(inBuffer));
        Assert.False(scope.Covers(beyond));
    }

    [Fact]
    public void CoversCircle_ReachingPastTheBuffer_IsRefusedAndTheLargestAllowedRadiusFits()
    {
        var scope = BoroughScope.Of([Lambeth]);
        double largest = scope.MaxRadiusMetres(Brixton);

        Assert.InRange(largest, BoroughScope.BufferMetres, 5_000);
        Assert.True(scope.CoversCircle(Brixton, largest - 1));
        Assert.False(scope.CoversCircle(Brixton, largest + 1));
        Assert.Equal(0, scope.MaxRadiusMetres(CroydonCentre));
        Assert.Equal("Lambeth", scope.ToString());
    }

    private static GeoPoint East(GeoPoint from, double metres) =>
        new(from.Latitude, from.Longitude + (metres / (111_320 * Math.Cos(from.Latitude * Math.PI / 180))));
}
