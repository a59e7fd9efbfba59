namespace Tagwatch.Correlation.Trails;

/// <summary>What is known so far of how one trail came within a radius: built up fix by fix, in any order.</summary>
internal struct ProximityAccumulator
{
    public int Count;
    public double Best;
    public long BestTime;
    public long First;
    public long Last;

    public static ProximityAccumulator Empty => new() { Best = double.MaxValue, First = long.MaxValue, Last = long.MinValue };

    public readonly Proximity ToProximity() => new(Count, Best, BestTime, First, Last);
}
