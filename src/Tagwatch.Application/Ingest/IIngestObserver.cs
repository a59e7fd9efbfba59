namespace Tagwatch.Application.Ingest;

/// <summary>Told of every durable group commit, in commit order (licence-condition monitors, live views).</summary>
/// <remarks>Called on the pipeline's writer; implementations hand work off quickly and never throw.</remarks>
public interface IIngestObserver
{
    /// <summary>Everything in <paramref name="commit"/> is durable.</summary>
    void OnCommitted(IngestCommit commit);
}
