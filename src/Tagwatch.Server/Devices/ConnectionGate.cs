using System.Collections.Concurrent;
using System.Net;

namespace Tagwatch.Server.Devices;

/// <summary>Caps simultaneous device connections per remote address, so one address cannot exhaust the listener.</summary>
public sealed class ConnectionGate(int maxPerAddress)
{
    private readonly ConcurrentDictionary<IPAddress, int> _open = new();

    /// <summary>Admits a connection from <paramref name="address"/>, or returns null when it already has the most allowed.</summary>
    public IDisposable? TryEnter(IPAddress address)
    {
        while (true)
        {
            int current = _open.GetOrAdd(address, 0);
            if (current >= maxPerAddress)
            {
                return null;
            }

            if (_open.TryUpdate(address, current + 1, current))
            {
                return new Lease(this, address);
            }
        }
    }

    private void Leave(IPAddress address) => _open.AddOrUpdate(address, 0, (_, n) => Math.Max(n - 1, 0));

    private sealed class Lease(ConnectionGate gate, IPAddress address) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Leave(address);
            }
        }
    }
}
