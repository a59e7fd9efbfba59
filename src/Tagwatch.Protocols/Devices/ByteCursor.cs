using System.Buffers.Binary;
using System.Globalization;

namespace Tagwatch.Protocols.Devices;

/// <summary>Big-endian reads over a frame that name the field and offset when the frame is too short.</summary>
internal ref struct ByteCursor(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;

    public int Position { get; private set; }

    public readonly int Remaining => _data.Length - Position;

    public readonly byte Peek() => Remaining > 0 ? _data[Position] : throw new FrameFormatException("frame ends where more content is expected");

    public byte U8(string field) => Take(1, field)[0];

    public ushort U16(string field) => BinaryPrimitives.ReadUInt16BigEndian(Take(2, field));

    public uint U24(string field)
    {
        var bytes = Take(3, field);
        return (uint)((bytes[0] << 16) | (bytes[1] << 8) | bytes[2]);
    }

    public uint U32(string field) => BinaryPrimitives.ReadUInt32BigEndian(Take(4, field));

    public ReadOnlySpan<byte> Take(int count, string field)
    {
        if (count < 0 || count > Remaining)
        {
            throw new FrameFormatException(string.Create(CultureInfo.InvariantCulture, $"frame ends at byte {_data.Length} before {field} (needs {count} bytes at byte {Position})"));
        }

        var slice = _data.Slice(Position, count);
        Position += count;
        return slice;
    }

    public void Skip(int count, string field) => Take(count, field);
}
