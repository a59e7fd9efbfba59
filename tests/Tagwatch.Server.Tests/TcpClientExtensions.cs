using System.Net.Sockets;

namespace Tagwatch.Server.Tests;

internal static class TcpClientExtensions
{
    /// <summary>Reads exactly <paramref name="count"/> bytes, or fails the test after 10 s.</summary>
    public static async Task<byte[]> ReadExactlyAsync(this TcpClient client, int count)
    {
        var buffer = new byte[count];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.GetStream().ReadExactlyAsync(buffer, timeout.Token);
        return buffer;
    }

    /// <summary>True when the server closes the connection within 10 s.</summary>
    public static Task<bool> IsClosedByServerAsync(this TcpClient client) => client.GetStream().IsClosedByServerAsync();

    /// <summary>True when the server closes the connection within 10 s.</summary>
    public static async Task<bool> IsClosedByServerAsync(this NetworkStream stream)
    {
        var buffer = new byte[256];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                if (await stream.ReadAsync(buffer, timeout.Token) == 0)
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
