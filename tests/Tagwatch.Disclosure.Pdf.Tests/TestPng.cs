using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Tagwatch.Disclosure.Pdf.Tests;

/// <summary>PNG images made in the test (8-bit RGB, no filter): a street-like tile, so the packs' maps can be looked at.</summary>
internal static class TestPng
{
    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        uint c = (uint)n;
        for (int k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    /// <summary>A 256-pixel tile of a made-up town: beige blocks, a park, white streets on a grid that runs on across
    /// tiles (drawn from the pixel's place in the whole world at that zoom), and a diagonal avenue.</summary>
    public static byte[] StreetTile(int x, int y) => Make(256, 256, (i, j) => Colour(() =>
    {
        long gx = (long)x * 256 + i, gy = (long)y * 256 + j;
        bool street = gx % 90 < 7 || gy % 70 < 6 || Math.Abs((gx - gy) % 400) < 8;
        bool kerb = !street && (gx % 90 < 8 || gy % 70 < 7);
        bool park = (gx / 90 + gy / 70) % 7 == 3;
        return street ? (255, 255, 255) : kerb ? (200, 196, 188) : park ? (200, 230, 190) : (242, 238, 230);
    }));

    private static (byte, byte, byte) Colour(Func<(int R, int G, int B)> colour)
    {
        var (r, g, b) = colour();
        return ((byte)r, (byte)g, (byte)b);
    }

    /// <summary>A PNG whose every chunk is well formed but whose image data is not a zlib stream.</summary>
    public static byte[] Garbled()
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, 256);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 256);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", Enumerable.Range(0, 4000).Select(i => (byte)(i * 37)).ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] Make(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel)
    {
        var raw = new byte[height * (1 + width * 3)];
        int at = 0;
        for (int j = 0; j < height; j++)
        {
            raw[at++] = 0;
            for (int i = 0; i < width; i++)
            {
                var (r, g, b) = pixel(i, j);
                raw[at++] = r;
                raw[at++] = g;
                raw[at++] = b;
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typeAndData);
        uint crc = 0xFFFFFFFF;
        foreach (byte b in typeAndData)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        BinaryPrimitives.WriteUInt32BigEndian(number, crc ^ 0xFFFFFFFF);
        png.Write(number);
    }
}
