using NodaTime;
using Tagwatch.Core.Crimes;

namespace Tagwatch.Application.Crimes;

/// <summary>Which current crimes a listing or a count covers, so the store selects, sorts and pages them itself.</summary>
/// <param name="From">Crimes whose committed window ends at or after this…</param>
/// <param name="To">…and starts at or before this.</param>
/// <param name="Boroughs">The boroughs (ONS codes) the caller may see; null: every crime, with a borough or without.</param>
/// <param name="Borough">Only this borough's crimes (ONS code, upper case), when given.</param>
/// <param name="Category">Only this category, when given.</param>
public sealed record CrimeFilter(Instant From, Instant To, IReadOnlyCollection<string>? Boroughs, string? Borough, CrimeCategory? Category);
