using NodaTime;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Crimes;

namespace Tagwatch.Application.Crimes;

/// <summary>The current crimes of a time range that the actor's scope covers: police those of their boroughs, the hub all;
/// of one borough and category when asked, sorted and paged as asked.</summary>
/// <remarks>Crimes are police records, not data about monitored people, so a listing is not audited.</remarks>
public sealed class ListCrimes(ICrimeStore crimes, TimeProvider clock)
{
    /// <summary>The longest range one listing covers.</summary>
    public static readonly Duration MaxRange = Duration.FromDays(92);

    /// <summary>The range listed when none is asked: the latest month of crimes held.</summary>
    public static readonly Duration DefaultRange = Duration.FromDays(31);

    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 500;

    public async Task<UseCaseResult<CrimeList>> ExecuteAsync(Actor actor, ListCrimesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ManageCrimes))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.ManageCrimes)}.");
        }

        if (request.Page < 1)
        {
            return UseCaseFailure.Invalid("page", "pages are numbered from 1");
        }

        if (request.PageSize is < 1 or > MaxPageSize)
        {
            return UseCaseFailure.Invalid("pageSize", $"a page holds 1 to {MaxPageSize} crimes");
        }

        if (!Enum.IsDefined(request.Sort))
        {
            return UseCaseFailure.Invalid("sort", "sort by committedFrom, borough, category or reference");
        }

        var period = await CrimePeriod.ResolveAsync(crimes, clock, request.From, request.To, MaxRange, DefaultRange, cancellationToken);
        if (!period.Succeeded)
        {
            return period.Failure;
        }

        var shown = await CrimePeriod.CrimesAsync(crimes, actor, period.Value, request.Borough, request.Category, cancellationToken);
        var sorted = Sorted(shown, request.Sort, request.Descending);
        var page = request.PageSize is { } size ? sorted.Skip((request.Page - 1) * size).Take(size) : sorted;
        return new CrimeList(page.ToList(), shown.Count, period.Value.Start, period.Value.End);
    }

    private static IEnumerable<Crime> Sorted(List<Crime> shown, CrimeSort sort, bool descending)
    {
        IOrderedEnumerable<Crime> ordered = sort switch
        {
            CrimeSort.Borough => By(c => c.BoroughCode ?? "\uffff"),
            CrimeSort.Category => By(c => c.Category.ToString()),
            CrimeSort.Reference => By(c => c.Reference),
            _ => descending ? shown.OrderByDescending(c => c.CommittedFrom) : shown.OrderBy(c => c.CommittedFrom),
        };
        return ordered.ThenBy(c => c.Reference, StringComparer.Ordinal).ThenBy(c => c.Force, StringComparer.Ordinal);

        IOrderedEnumerable<Crime> By(Func<Crime, string> key) =>
            descending ? shown.OrderByDescending(key, StringComparer.Ordinal) : shown.OrderBy(key, StringComparer.Ordinal);
    }
}
