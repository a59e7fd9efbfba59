namespace Tagwatch.Server.Workers;

/// <summary>Counts a background worker's finished passes, so whoever needs its work done (a test that has moved the
/// clock on, say) waits for the pass itself instead of guessing how long it takes.</summary>
/// <remarks>Thread-safe. A pass counts as finished whether its work succeeded or failed (a failure is logged).</remarks>
public sealed class WorkerPasses
{
    private readonly Lock _gate = new();
    private long _finished;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Passes finished since the worker started.</summary>
    public long Finished
    {
        get
        {
            lock (_gate)
            {
                return _finished;
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> passes have finished in all.</summary>
    public async Task WaitForAsync(long count, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_finished >= count)
                {
                    return;
                }

                next = _next.Task;
            }

            await next.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Records a finished pass and wakes whoever waits.</summary>
    internal void Finish()
    {
        TaskCompletionSource finished;
        lock (_gate)
        {
            _finished++;
            finished = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        finished.SetResult();
    }
}
