using System.Runtime.CompilerServices;

namespace Tagwatch.Storage.Fixes;

/// <summary>LEB128 variable-length integers with zigzag mapping for signed values: the fix codec's building block.</summary>
internal static class Varint
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(Span<byte> destination, ulong value)
    {
        int i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>Reads one varint at <paramref name="position"/>, advancing it; throws on a truncated or overlong value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Read(ReadOnlySpan<byte> source, ref int position)
    {
        ulong result = 0;
        int shift = 0;
        while (true)
        {
            if ((uint)position >= (uint)source.Length)
            {
                throw new InvalidDataException("Fix chunk is truncated inside a varint.");
            }

            byte b = source[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }

            shift += 7;
            if (shift > 63)
            {
                throw new InvalidDataException("Fix chunk holds a varint longer than 64 bits.");
            }
        }
    }
}
