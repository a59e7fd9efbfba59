using Microsoft.Extensions.Logging.Abstractions;
using Tagwatch.Application.Maintenance;
using Tagwatch.Server.Workers;

namespace Tagwatch.Server.Tests;

/// <summary>A singleton worker runs its passes only while its node holds the work's lease: none while another node
/// holds it, at once when it is taken, and the pass in hand stops when the lease is lost.</summary>
public sealed class SingletonWorkTests
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    [Fact]
    public async Task LeaseHeldElsewhere_NoPassRuns_UntilTheLeaseIsFreeThenAPassAtOnce()
    {
        var leases = new ContendedLeases();
        var passes = new WorkerPasses();
        int ran = 0;
        using var stop = new CancellationTokenSource();
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var worker = Run(leases, _ => { Interlocked.Increment(ref ran); return Task.CompletedTask; }, passes, stop.Token);

        await leases.AskedAsync(3, hangGuard.Token); // asked, refused, asked again...
        Assert.Equal(0, Volatile.Read(ref ran));
        leases.Free = true;
        await passes.WaitForAsync(1, hangGuard.Token);

        Assert.Equal(1, Volatile.Read(ref ran));
        await stop.CancelAsync();
        await worker.WaitAsync(hangGuard.Token);
    }

    [Fact]
    public async Task LeaseLostMidPass_ThePassIsCancelled_TheLeaseGivenUp_AndTheNodeContendsAgain()
    {
        var leases = new ContendedLeases { Free = true };
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var worker = Run(leases, async token =>
        {
            if (leases.Asked > 1)
            {
                return; // the pass after the lease is taken again
            }

            started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                cancelled.SetResult();
                throw;
            }
        }, new WorkerPasses(), stop.Token);
        await started.Task.WaitAsync(hangGuard.Token);
        var first = leases.Taken[0];

        await first.LoseAsync();

        await cancelled.Task.WaitAsync(hangGuard.Token);
        await leases.AskedAsync(2, hangGuard.Token);
        Assert.True(first.Disposed);
        await stop.CancelAsync();
        await worker.WaitAsync(hangGuard.Token);
    }

    [Fact]
    public async Task LeaseNoLongerStandsWhenAsked_ThePassDoesNotRun()
    {
        var leases = new ContendedLeases { Free = true, Confirms = false };
        var passes = new WorkerPasses();
        int ran = 0;
        using var stop = new CancellationTokenSource();
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var worker = Run(leases, _ => { Interlocked.Increment(ref ran); return Task.CompletedTask; }, passes, stop.Token);

        await leases.AskedAsync(3, hangGuard.Token);

        Assert.Equal(0, Volatile.Read(ref ran));
        Assert.Equal(0, passes.Finished);
        Assert.All(leases.Taken.Take(2), lease => Assert.True(lease.Disposed));
        await stop.CancelAsync();
        await worker.WaitAsync(hangGuard.Token);
    }

    private static Task Run(IWorkLeases leases, Func<CancellationToken, Task> pass, WorkerPasses passes, CancellationToken stop) =>
        SingletonWork.RunEveryWhileHeldAsync(leases, WorkLeaseNames.Retention, RetryEvery, Period, TimeProvider.System, pass, _ => { }, passes, NullLogger.Instance, stop);

    /// <summary>Leases another node holds until <see cref="Free"/>; each one taken is kept for the test to lose.</summary>
    private sealed class ContendedLeases : IWorkLeases
    {
        private readonly Lock _gate = new();
        private readonly List<FakeLease> _taken = [];
        private int _asked;
        private TaskCompletionSource _askedAgain = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public volatile bool Free;

        public volatile bool Confirms = true;

        public int Asked => Volatile.Read(ref _asked);

        public IReadOnlyList<FakeLease> Taken
        {
            get
            {
                lock (_gate)
                {
                    return [.. _taken];
                }
            }
        }

        public Task<IWorkLease?> TryTakeAsync(string name, CancellationToken cancellationToken = default)
        {
            FakeLease? lease = Free ? new FakeLease(name, Confirms) : null;
            TaskCompletionSource asked;
            lock (_gate)
            {
                if (lease is not null)
                {
                    _taken.Add(lease);
                }

                _asked++;
                asked = _askedAgain;
                _askedAgain = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            asked.SetResult();
            return Task.FromResult<IWorkLease?>(lease);
        }

        public async Task AskedAsync(int times, CancellationToken cancellationToken)
        {
            while (true)
            {
                Task next;
                lock (_gate)
                {
                    if (_asked >= times)
                    {
                        return;
                    }

                    next = _askedAgain.Task;
                }

                await next.WaitAsync(cancellationToken);
            }
        }
    }

    private sealed class FakeLease(string name, bool confirms) : IWorkLease
    {
        private readonly CancellationTokenSource _lost = new();

        public string Name { get; } = name;

        public CancellationToken Lost => _lost.Token;

        public bool Disposed { get; private set; }

        public Task LoseAsync() => _lost.CancelAsync();

        public Task<bool> ConfirmAsync(CancellationToken cancellationToken = default) => Task.FromResult(confirms && !_lost.IsCancellationRequested);

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
