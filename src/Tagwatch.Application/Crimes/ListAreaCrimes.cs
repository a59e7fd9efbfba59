using NodaTime.Text;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Boroughs;

namespace Tagwatch.Application.Crimes;

/// <summary>Published street-level crimes (data.police.uk) as map context: those of a month range the actor's scope
/// covers (police their boroughs, the hub all), of one borough, crime type and map box when asked, counted per
/// anonymised map point (many crimes share one), the busiest <see cref="MaxPlaces"/> points shown.</summary>
/// <remarks>Area crimes are published, anonymised police data, not data about monitored people: not audited.</remarks>
public sealed class ListAreaCrimes(ICrimeStore crimes, BoroughMap boroughs)
{
    /// <summary>The most months one listing covers.</summary>
    public const int MaxMonths = 12;

    /// <summary>The most map points one answer holds (a map stays readable and the answer small).</summary>
    public const int MaxPlaces = 2000;

    public async Task<UseCaseResult<AreaCrimePlaces>> ExecuteAsync(Actor actor, ListAreaCrimesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ManageCrimes))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.ManageCrimes)}.");
        }

        if (request.From is not { } from)
        {
            return UseCaseFailure.Invalid("from", "the first month is required, as YYYY-MM");
        }

        if (request.To is not { } to)
        {
            return UseCaseFailure.Invalid("to", "the last month is required, as YYYY-MM");
        }

        if (to < from)
        {
            return UseCaseFailure.Invalid("to", $"the last month ({Month(to)}) is before the first ({Month(from)})");
        }

        var months = new List<string>();
        for (var month = from; month <= to && months.Count <= MaxMonths; month = month.PlusMonths(1))
        {
            months.Add(Month(month));
        }

        if (months.Count > MaxMonths)
        {
            return UseCaseFailure.Invalid("to", $"at most {MaxMonths} months at a time");
        }

        string? borough = null;
        if (!string.IsNullOrWhiteSpace(request.Borough))
        {
            if (boroughs.Find(request.Borough.Trim()) is not { } known)
            {
                return UseCaseFailure.Invalid("borough", $"'{request.Borough}' is not a London borough (ONS code such as E09000022, or name)");
            }

            borough = known.Code;
        }

        string? crimeType = null;
        if (!string.IsNullOrWhiteSpace(request.CrimeType))
        {
            crimeType = AreaCrimeTypes.Find(request.CrimeType);
            if (crimeType is null)
            {
                return UseCaseFailure.Invalid("crimeType", $"'{request.CrimeType}' is not one of {string.Join(", ", AreaCrimeTypes.All)}");
            }
        }

        if (request.Bounds?.Problem() is { } badBox)
        {
            return UseCaseFailure.Invalid(badBox.Field, badBox.Message);
        }

        var scope = Scope(actor, borough);
        var counts = scope is { Count: 0 } ? [] : await crimes.AreaCrimePointCountsAsync(new AreaCrimeQuery(months, scope, crimeType, request.Bounds), cancellationToken);
        var places = counts
            .GroupBy(c => (c.Latitude, c.Longitude))
            .Select(g => new AreaCrimePlace(g.Key.Latitude, g.Key.Longitude, g.Sum(c => c.Count),
                g.OrderByDescending(c => c.Count).ThenBy(c => c.CrimeType, StringComparer.Ordinal)
                    .Select(c => new AreaCrimeTypeCount(c.CrimeType, c.Count)).ToList()))
            .OrderByDescending(p => p.Crimes).ThenBy(p => p.Latitude).ThenBy(p => p.Longitude)
            .ToList();
        var shown = places.Take(MaxPlaces).ToList();
        return new AreaCrimePlaces(from, to, shown, shown.Sum(p => p.Crimes), places.Sum(p => p.Crimes), places.Count);
    }

    /// <summary>The boroughs to read (null: every row, for roles not scoped by place): police their own, narrowed to the
    /// one asked (none when it is not theirs, as the crime listing shows them nothing of another borough).</summary>
    private static List<string>? Scope(Actor actor, string? borough)
    {
        if (actor.Role == Role.Police)
        {
            return actor.Boroughs.Where(b => borough is null || string.Equals(b, borough, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        return borough is null ? null : [borough];
    }

    private static string Month(NodaTime.YearMonth month) => YearMonthPattern.Iso.Format(month);
}
