using System.Text;
using Tagwatch.Storage.Fixes;

namespace Tagwatch.Storage.Ingest;

/// <summary>Packs one tag-day of raw frames into a Zstandard block: per frame the received-time delta (ms), the
/// protocol and the bytes, length-prefixed with LEB128 varints. A day of a GT06 tag's frames shares most of its bytes,
/// so the block is a fraction of the rows it replaces.</summary>
internal static class RawFrameBlockCodec
{
    private const byte Version = 1;
    private const int MaxRawBytes = 64 * 1024 * 1024;

    public static byte[] Encode(IReadOnlyList<(long ReceivedUnixMs, string Protocol, byte[] Payload)> frames)
    {
        using var raw = new MemoryStream();
        Span<byte> varint = stackalloc byte[10];
        long previous = frames.Count > 0 ? frames[0].ReceivedUnixMs : 0;
        Write(raw, varint, (ulong)frames.Count);
        Write(raw, varint, (ulong)previous);
        foreach (var (received, protocol, payload) in frames)
        {
            Write(raw, varint, (ulong)(received - previous));
            previous = received;
            byte[] name = Encoding.ASCII.GetBytes(protocol);
            Write(raw, varint, (ulong)name.Length);
            raw.Write(name);
            Write(raw, varint, (ulong)payload.Length);
            raw.Write(payload);
        }

        using var compressor = new ZstdSharp.Compressor(19);
        var compressed = compressor.Wrap(raw.GetBuffer().AsSpan(0, (int)raw.Length));
        return [Version, .. compressed];
    }

    public static List<(long ReceivedUnixMs, string Protocol, byte[] Payload)> Decode(byte[] block)
    {
        if (block.Length < 2 || block[0] != Version)
        {
            throw new InvalidDataException("Raw frame block has an unknown version.");
        }

        using var decompressor = new ZstdSharp.Decompressor();
        ulong size = ZstdSharp.Decompressor.GetDecompressedSize(block.AsSpan(1));
        if (size > MaxRawBytes)
        {
            throw new InvalidDataException($"Raw frame block declares {size} bytes.");
        }

        byte[] raw = decompressor.Unwrap(block.AsSpan(1)).ToArray();
        int at = 0;
        int count = (int)Varint.Read(raw, ref at);
        long received = (long)Varint.Read(raw, ref at);
        var frames = new List<(long, string, byte[])>(count);
        for (int i = 0; i < count; i++)
        {
            received += (long)Varint.Read(raw, ref at);
            int nameLength = (int)Varint.Read(raw, ref at);
            string protocol = Encoding.ASCII.GetString(raw, at, nameLength);
            at += nameLength;
            int length = (int)Varint.Read(raw, ref at);
            frames.Add((received, protocol, raw.AsSpan(at, length).ToArray()));
            at += length;
        }

        return frames;
    }

    private static void Write(Stream stream, Span<byte> buffer, ulong value) => stream.Write(buffer[..Varint.Write(buffer, value)]);
}
