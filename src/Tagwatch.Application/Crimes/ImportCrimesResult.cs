using Tagwatch.Application.Correlation;
using Tagwatch.Application.Imports;

namespace Tagwatch.Application.Crimes;

/// <summary>What an import did row by row, and the correlation run that checked the new and changed crimes (null when
/// none ran: nothing was waiting, or the request asked for none).</summary>
public sealed record ImportCrimesResult(ImportReport Report, ScoredCorrelation.Outcome? Correlation);
