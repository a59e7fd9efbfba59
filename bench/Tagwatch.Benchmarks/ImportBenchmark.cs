using System.Diagnostics;
using System.Globalization;
using NodaTime;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Imports;
using Tagwatch.Protocols.Csv;
using Tagwatch.Storage;
using Tagwatch.Storage.Fixes;
using Tagwatch.Storage.Tags;

namespace Tagwatch.Benchmarks;

/// <summary>Times a fix CSV import end to end and by phase: parse only, then parse + flag + store.</summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: import FIXES.csv   (make one with: tagwatch simulate --tags 100 --days 30 --out DIR)");
            return 2;
        }

        string file = args[0];
        var received = Instant.FromUtc(2025, 1, 1, 0, 0);
        var parse = Stopwatch.StartNew();
        long rows = 0;
        using (var reader = new StreamReader(file, System.Text.Encoding.UTF8, true, 1 << 16))
        {
            foreach (var row in FixCsvReader.Read(reader, received))
            {
                rows += row.IsValid ? 1 : 0;
            }
        }

        parse.Stop();
        string path = Path.Combine(Path.GetTempPath(), $"tagwatch-import-bench-{Environment.ProcessId}.db");
        try
        {
            var database = await TagwatchDatabase.OpenAsync(path);
            var importer = new FixImporter(new SqliteFixStore(database), new EfTagDirectory(database, TimeProvider.System), new FixQualityRules());
            var full = Stopwatch.StartNew();
            ImportReport report;
            using (var reader = new StreamReader(file, System.Text.Encoding.UTF8, true, 1 << 16))
            {
                report = await importer.ImportAsync(FixCsvReader.Read(reader, received), createTags: true, "import");
            }

            full.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                file                 {file} ({new FileInfo(file).Length / 1e6:0.0} MB, {rows:N0} rows)
                parse only           {parse.Elapsed.TotalSeconds:0.000} s = {rows / parse.Elapsed.TotalSeconds:N0} rows/s
                full import          {full.Elapsed.TotalSeconds:0.000} s = {report.Accepted / full.Elapsed.TotalSeconds:N0} fixes/s (accepted {report.Accepted:N0}, rejected {report.Rejected:N0})
                """));
            return report.Rejected == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(f);
            }
        }
    }
}
