using FsCheck;
using FsCheck.Fluent;
using Tagwatch.Core.Fixes;
using Tagwatch.Storage.Fixes;

namespace Tagwatch.Storage.Tests.Fixes;

public sealed class FixChunkCodecTests
{
    internal static Gen<Fix> FixGen(long baseMs) =>
        from offset in Gen.Choose(0, 86_399_999)
        from whole in Gen.Elements(true, false)
        from lat in Gen.Choose(-900_000_000, 900_000_000)
        from lon in Gen.Choose(-1_800_000_000, 1_800_000_000)
        from late in Gen.Choose(-100_000, 10_000_000)
        from accuracy in Gen.Choose(-1, 65534)
        from speed in Gen.Choose(-1, 65534)
        from heading in Gen.Choose(-1, 3600)
        from source in Gen.Elements(FixSource.Unknown, FixSource.Gps, FixSource.Lbs, FixSource.Wifi)
        from flags in Gen.Choose(0, 255)
        let t = baseMs + (whole ? offset / 1000 * 1000 : offset)
        select Fix.FromStored(t, t / 1000 + late, lat, lon, Optional(accuracy), Optional(speed), Optional(heading), source, (FixFlags)flags);

    private static ushort Optional(int value) => value < 0 ? ushort.MaxValue : (ushort)value;

    [Fact]
    public void EncodeThenDecode_AnySortedFixes_RoundTripExactly()
    {
        var gen = Gen.ListOf(FixGen(1_550_448_000_000)).Select(list => list.OrderBy(f => f.TimeUnixMs).ToArray());
        Prop.ForAll(gen.ToArbitrary(), fixes =>
        {
            var decoded = new List<Fix>();
            FixChunkCodec.Decode(FixChunkCodec.Encode(fixes), decoded);
            return decoded.SequenceEqual(fixes);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DecodePositionsE7_AnySortedFixes_GivesTheirTimesAndStoredPositions()
    {
        var gen = Gen.ListOf(FixGen(1_550_448_000_000)).Select(list => list.OrderBy(f => f.TimeUnixMs).ToArray());
        Prop.ForAll(gen.ToArbitrary(), fixes =>
        {
            var times = new long[fixes.Length];
            var lats = new int[fixes.Length];
            var lons = new int[fixes.Length];
            FixChunkCodec.DecodePositionsE7(FixChunkCodec.Encode(fixes), times, lats, lons);
            return times.SequenceEqual(fixes.Select(f => f.TimeUnixMs)) && lats.SequenceEqual(fixes.Select(f => f.LatitudeE7)) && lons.SequenceEqual(fixes.Select(f => f.LongitudeE7));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decode_IntoASpanOfTheWrongLength_Throws()
    {
        var fixes = Gen.ArrayOf(FixGen(0), 5).Sample(1, 1).First().OrderBy(f => f.TimeUnixMs).ToArray();
        var chunk = FixChunkCodec.Encode(fixes);

        Assert.Throws<InvalidDataException>(() => FixChunkCodec.Decode(chunk, new Fix[4].AsSpan()));
    }

    [Fact]
    public void Decode_CorruptOrTruncatedChunks_ThrowInvalidDataNeverAnythingElse()
    {
        var fixes = Gen.ArrayOf(FixGen(0), 200).Sample(1, 1).First().OrderBy(f => f.TimeUnixMs).ToArray();
        var chunk = FixChunkCodec.Encode(fixes);
        var random = new Random(42);
        for (int i = 0; i < 500; i++)
        {
            var corrupt = (byte[])chunk.Clone();
            switch (i % 3)
            {
                case 0:
                    corrupt = corrupt[..random.Next(0, corrupt.Length)];
                    break;
                case 1:
                    corrupt[random.Next(corrupt.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                default:
                    random.NextBytes(corrupt.AsSpan(1));
                    break;
            }

            try
            {
                FixChunkCodec.Decode(corrupt, new List<Fix>());
            }
            catch (InvalidDataException)
            {
                // expected: a flipped bit may also decode to other valid values, which is fine
            }
        }
    }

    [Fact]
    public void Decode_ChunkWrittenWithBrotliByTheFirstVersion_StillReads()
    {
        var fixes = Gen.ArrayOf(FixGen(1_550_448_000_000), 300).Sample(1, 1).First().OrderBy(f => f.TimeUnixMs).ToArray();
        var current = FixChunkCodec.Encode(fixes);
        Assert.Equal(2, current[0]);
        using var decompressor = new ZstdSharp.Decompressor();
        var columns = decompressor.Unwrap(current.AsSpan(1)).ToArray();
        var brotli = new byte[System.IO.Compression.BrotliEncoder.GetMaxCompressedLength(columns.Length) + 1];
        Assert.True(System.IO.Compression.BrotliEncoder.TryCompress(columns, brotli.AsSpan(1), out int written, 5, 22));
        brotli[0] = 1;

        var decoded = new List<Fix>();
        FixChunkCodec.Decode(brotli.AsSpan(0, written + 1), decoded);

        Assert.Equal(fixes, decoded);
    }

    [Fact]
    public void Decode_UnknownVersion_Throws()
    {
        Assert.Throws<InvalidDataException>(() => FixChunkCodec.Decode(new byte[] { 9, 1, 2 }, new List<Fix>()));
        Assert.Throws<InvalidDataException>(() => FixChunkCodec.Decode(Array.Empty<byte>(), new List<Fix>()));
    }
}
