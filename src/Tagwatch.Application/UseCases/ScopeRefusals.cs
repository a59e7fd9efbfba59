using Tagwatch.Core.Access;
using Tagwatch.Core.Geo;

namespace Tagwatch.Application.UseCases;

/// <summary>Refusals of the borough scope that every area search (trail, near) words the same way.</summary>
public static class ScopeRefusals
{
    /// <summary>The refusal for an area the actor's boroughs do not cover, naming the boroughs and the largest radius that would fit there.</summary>
    public static UseCaseFailure AreaOutsideBoroughs(Actor actor, GeoPoint centre)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var scope = BoroughScope.Of(actor.Boroughs);
        double fits = Math.Floor(scope.MaxRadiusMetres(centre));
        return UseCaseFailure.Forbidden(
            $"The area asked for is not within your boroughs ({scope}) and {BoroughScope.BufferMetres} m beyond their boundaries"
            + (fits > 0 ? $"; around this centre the radius may be at most {fits} m." : "; its centre lies outside them."));
    }
}
