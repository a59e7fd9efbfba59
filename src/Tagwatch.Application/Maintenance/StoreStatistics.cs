using Tagwatch.Application.Fixes;

namespace Tagwatch.Application.Maintenance;

/// <summary>What the store holds.</summary>
/// <param name="Offenders">People enrolled (monitored or not).</param>
/// <param name="Tags">Tags registered.</param>
/// <param name="Fixes">The fix store's size.</param>
/// <param name="Crimes">Crimes held (current versions).</param>
/// <param name="AreaCrimes">Area crime records (context, not matched).</param>
public sealed record StoreStatistics(int Offenders, int Tags, FixStoreStatistics Fixes, int Crimes, int AreaCrimes);
