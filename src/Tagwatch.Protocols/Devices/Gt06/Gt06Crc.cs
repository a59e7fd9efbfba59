namespace Tagwatch.Protocols.Devices.Gt06;

/// <summary>CRC-16/X-25 (reflected polynomial 0x1021, initial 0xFFFF, final XOR 0xFFFF), the GT06 frame check.</summary>
public static class Gt06Crc
{
    private static readonly ushort[] Table = BuildTable();

    /// <summary>The checksum of <paramref name="data"/>; for "123456789" it is 0x906E.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (byte b in data)
        {
            crc = (ushort)((crc >> 8) ^ Table[(crc ^ b) & 0xFF]);
        }

        return (ushort)~crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            ushort value = (ushort)i;
            for (int bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? (ushort)((value >> 1) ^ 0x8408) : (ushort)(value >> 1);
            }

            table[i] = value;
        }

        return table;
    }
}
