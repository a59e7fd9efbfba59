using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Tagwatch.Storage.Fixes;

namespace Tagwatch.Benchmarks;

/// <summary>Where the time of reading fixes goes: SQLite blob reads, decompression, and column decoding, over every
/// chunk of a database, on one thread; and how other compressors would do on the same columns.</summary>
internal static class DecodeCostBenchmark
{
    public static int Run(string[] args)
    {
        if (args.Length < 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: decode-cost DATABASE");
            return 2;
        }

        var read = Stopwatch.StartNew();
        var chunks = new List<(int Count, byte[] Data)>();
        using (var connection = new SqliteConnection($"Data Source={args[0]};Mode=ReadOnly"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT Count, Data FROM fix_chunks";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                chunks.Add((reader.GetInt32(0), (byte[])reader[1]));
            }
        }

        read.Stop();
        long fixes = chunks.Sum(c => (long)c.Count);
        var buffer = new byte[1 << 20];
        using var zstd = new ZstdSharp.Decompressor();
        int Unpack(byte[] data)
        {
            if (data[0] == 1)
            {
                BrotliDecoder.TryDecompress(data.AsSpan(1), buffer, out int written);
                return written;
            }

            return zstd.Unwrap(data.AsSpan(1), buffer);
        }

        foreach (var (count, data) in chunks.Take(50))
        {
            Unpack(data); // warm up (JIT) before timing
            FixChunkCodec.DecodePositionsE7(data, new long[count], new int[count], new int[count]);
        }

        var brotli = Stopwatch.StartNew();
        long rawBytes = 0;
        foreach (var (_, data) in chunks)
        {
            rawBytes += Unpack(data);
        }

        brotli.Stop();

        // Alternatives on the same raw columns: Zstandard at a few levels and Deflate.
        var raws = chunks.Select(c => buffer.AsSpan(0, Unpack(c.Data)).ToArray()).ToList();
        foreach (int level in new[] { 3, 9, 15, 19 })
        {
            using var compressor = new ZstdSharp.Compressor(level);
            var packed = raws.Select(r => compressor.Wrap(r).ToArray()).ToList();
            using var decompressor = new ZstdSharp.Decompressor();
            var z = Stopwatch.StartNew();
            foreach (var p in packed)
            {
                decompressor.Unwrap(p, buffer, 0);
            }

            z.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"zstd {level,2}: {packed.Sum(p => (long)p.Length) / (double)fixes:0.00} B/fix, decompress {z.Elapsed.TotalMilliseconds:0} ms"));
        }

        foreach (var levelName in new[] { CompressionLevel.Optimal, CompressionLevel.SmallestSize })
        {
            var packed = raws.Select(r => { using var ms = new MemoryStream(); using (var d = new DeflateStream(ms, levelName, leaveOpen: true)) { d.Write(r); } return ms.ToArray(); }).ToList();
            var z = Stopwatch.StartNew();
            foreach (var p in packed)
            {
                using var d = new DeflateStream(new MemoryStream(p), CompressionMode.Decompress);
                int total = 0, n;
                while ((n = d.Read(buffer, total, buffer.Length - total)) > 0)
                {
                    total += n;
                }
            }

            z.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"deflate {levelName}: {packed.Sum(p => (long)p.Length) / (double)fixes:0.00} B/fix, decompress {z.Elapsed.TotalMilliseconds:0} ms"));
        }

        var brotliPacked = raws.Select(r => { var b = new byte[BrotliEncoder.GetMaxCompressedLength(r.Length)]; BrotliEncoder.TryCompress(r, b, out int n, 5, 22); return b[..n]; }).ToList();
        var brotliClock = Stopwatch.StartNew();
        foreach (var p in brotliPacked)
        {
            BrotliDecoder.TryDecompress(p, buffer, out _);
        }

        brotliClock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"brotli 5 (first version): {brotliPacked.Sum(p => (long)p.Length) / (double)fixes:0.00} B/fix, decompress {brotliClock.Elapsed.TotalMilliseconds:0} ms"));
        var positions = Stopwatch.StartNew();
        foreach (var (count, data) in chunks)
        {
            FixChunkCodec.DecodePositionsE7(data, new long[count], new int[count], new int[count]);
        }

        positions.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            chunks, fixes              {chunks.Count:N0}, {fixes:N0} ({chunks.Sum(c => (long)c.Data.Length) / 1e6:0.0} MB compressed, {rawBytes / 1e6:0.0} MB raw)
            SQLite read of every blob  {read.Elapsed.TotalMilliseconds:0} ms
            decompression only         {brotli.Elapsed.TotalMilliseconds:0} ms = {fixes / brotli.Elapsed.TotalSeconds / 1e6:0.0} M fixes/s on one thread (as stored)
            decode times and positions {positions.Elapsed.TotalMilliseconds:0} ms = {fixes / positions.Elapsed.TotalSeconds / 1e6:0.0} M fixes/s on one thread (includes decompression)
            """));
        return 0;
    }
}
