namespace Tagwatch.Application.Correlation;

/// <summary>Where a correlation run stands; stored and shown by its lower-case name.</summary>
public enum CorrelationRunStatus
{
    /// <summary>Started and not yet finished (or its process is still to be found dead at the next start-up).</summary>
    Running,

    /// <summary>Finished: its counts and matches are stored.</summary>
    Finished,

    /// <summary>Its process stopped before it finished (found at a server's start-up). Whatever it was checking is still
    /// waiting as pending work and is checked again by a later run.</summary>
    Interrupted,
}
