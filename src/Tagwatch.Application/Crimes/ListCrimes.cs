using NodaTime;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

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

        var filter = CrimePeriod.Filter(actor, period.Value, request.Borough, request.Category);
        int skip = request.PageSize is { } size ? (request.Page - 1) * size : 0;
        var (page, total) = await crimes.ListCurrentAsync(filter, request.Sort, request.Descending, skip, request.PageSize, cancellationToken);
        return new CrimeList(page, total, period.Value.Start, period.Value.End);
    }
}
