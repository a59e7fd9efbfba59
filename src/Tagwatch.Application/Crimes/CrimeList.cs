using NodaTime;
using Tagwatch.Core.Crimes;

namespace Tagwatch.Application.Crimes;

/// <summary>The current crimes the actor may see, filtered and in the order asked: one page of them, how many there are
/// in all, and the period listed (the one asked, or the default).</summary>
public sealed record CrimeList(IReadOnlyList<Crime> Crimes, int Total, Instant From, Instant To);
