namespace Tagwatch.Core.Crimes;

/// <summary>Where a crime record came from.</summary>
public enum CrimeSource
{
    /// <summary>The MoJ electronic-monitoring crime-mapping batch file sent by a police force.</summary>
    MojBatch,

    /// <summary>Tagwatch's own interchange CSV (simulator, benchmarks, manual entry).</summary>
    Tagwatch,
}
