using Tagwatch.Core.Crimes;

namespace Tagwatch.Application.Crimes;

/// <summary>The current crimes the actor may see, in the store's order.</summary>
public sealed record CrimeList(IReadOnlyList<Crime> Crimes);
