using BenchmarkDotNet.Running;
using Tagwatch.Benchmarks;

// dotnet run -c Release --project bench/Tagwatch.Benchmarks -- store [--tags N] [--days D] [--postgres CONN]   end-to-end fix store timings
// dotnet run -c Release --project bench/Tagwatch.Benchmarks -- import FIXES.csv                 CSV import, by phase
// dotnet run -c Release --project bench/Tagwatch.Benchmarks -- correlate DATABASE             strict correlation timings
// dotnet run -c Release --project bench/Tagwatch.Benchmarks -- correlate [--tags N] [--postgres CONN]   the same and scored, on a pilot loaded into a fresh database
// dotnet run -c Release --project bench/Tagwatch.Benchmarks -- national [--tags 10000] [--postgres CONN]  a national caseload: load, bytes, strict run, one new crime, memory
// dotnet run -c Release --project bench/Tagwatch.Benchmarks -- quality [--seeds 1,2,3]         scored correlation vs ground truth
// dotnet run -c Release --project bench/Tagwatch.Benchmarks -- decode-cost DATABASE           read / decompress / decode split
// dotnet run -c Release --project bench/Tagwatch.Benchmarks -- ingest batch|osmand|gt06 [--postgres CONN]   live ingest under load (server in its own process)
// dotnet run -c Release --project bench/Tagwatch.Benchmarks -- api [--tags N] [--days D]     access control and audit on the read paths
// dotnet run -c Release --project bench/Tagwatch.Benchmarks -- web [--tags N] [--runs R]     trail page and live map in headless Chromium
// dotnet run -c Release --project bench/Tagwatch.Benchmarks -- grid                          OSTN15 grid decoding and conversions a second
// dotnet run -c Release --project bench/Tagwatch.Benchmarks -- kernels [BenchmarkDotNet args]  codec micro-benchmarks
if (args.Length > 0 && args[0] == "store")
{
    return await FixStoreBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "import")
{
    return await ImportBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "correlate")
{
    return await CorrelationBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "national")
{
    return await CorrelationBenchmark.RunNationalAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "quality")
{
    return CorrelationQuality.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "decode-cost")
{
    return DecodeCostBenchmark.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "ingest")
{
    return await IngestBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "api")
{
    return await ApiBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "web")
{
    return await WebBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "grid")
{
    return GridLoadBenchmark.Run();
}

if (args.Length > 0 && args[0] == "kernels")
{
    BenchmarkSwitcher.FromAssembly(typeof(FixCodecBenchmarks).Assembly).Run(args[1..]);
    return 0;
}

Console.Error.WriteLine("usage: Tagwatch.Benchmarks store [--tags N] [--days D] [--postgres CONN] | import FIXES.csv | correlate DATABASE | correlate [--tags N] [--days D] [--seed S] [--postgres CONN] | national [--tags N] [--days D] [--postgres CONN] [--scored] | quality [--seeds 1,2,3] | decode-cost DATABASE | ingest batch|osmand|gt06 [--postgres CONN] | api [--tags N] [--days D] | web [--tags N] [--runs R] | grid | kernels [BenchmarkDotNet options]");
return 2;
