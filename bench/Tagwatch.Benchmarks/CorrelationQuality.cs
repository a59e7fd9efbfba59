using System.Globalization;
using Tagwatch.Application.Fixes;
using Tagwatch.Correlation;
using Tagwatch.Correlation.Scored;
using Tagwatch.Correlation.Trails;
using Tagwatch.Simulation;

namespace Tagwatch.Benchmarks;

/// <summary>Scored correlation against the simulator's ground truth: recall on planted crimes, significant decoys,
/// and the distribution of scores, over several seeds.</summary>
internal static class CorrelationQuality
{
    public static int Run(string[] args)
    {
        int tags = BenchArgs.Number(args, "--tags", 100), days = BenchArgs.Number(args, "--days", 30);
        var seeds = (args.SkipWhile(a => a != "--seeds").Skip(1).FirstOrDefault() ?? "1,2,3").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var parameters = new ScoringParameters();
        Console.WriteLine($"seed | planted | significant | recall | decoys | decoys matched | decoys significant | rate | background matches | significant");
        var plantedScores = new List<double>();
        var decoyScores = new List<double>();
        var otherScores = new List<double>();
        foreach (int seed in seeds)
        {
            var pilot = PilotSimulation.Create(new SimulationOptions { Tags = tags, Days = days, Seed = seed });
            var quality = new FixQualityRules();
            var subjects = new List<ScoredEngine.Subject>();
            for (int i = 0; i < pilot.Offenders.Count; i++)
            {
                var trail = pilot.SampleTrail(i).Fixes;
                quality.AssessTrail(trail);
                var o = pilot.Offenders[i];
                subjects.Add(new ScoredEngine.Subject(new TagTrail(o.Tag, trail), new OffenderContext(o.Reference.Value, [o.IndexOffence], o.Home)));
            }

            var crimes = pilot.Crimes.Select(CrimeSite.From).ToList();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var matches = ScoredEngine.Run(crimes, subjects, parameters);
            clock.Stop();
            Console.Error.WriteLine($"seed {seed}: scored engine {clock.Elapsed.TotalMilliseconds:0} ms for {crimes.Count} crimes × {subjects.Count} people");
            var byPair = matches.ToDictionary(m => (m.Crime.Reference, m.Tag));
            var truth = pilot.Truth.ToDictionary(t => (t.CrimeReference, t.Tag));
            int planted = 0, plantedSignificant = 0, decoys = 0, decoysMatched = 0, decoysSignificant = 0;
            foreach (var t in pilot.Truth)
            {
                byPair.TryGetValue((t.CrimeReference, t.Tag), out var match);
                if (t.Kind == GroundTruthKind.Planted)
                {
                    planted++;
                    plantedSignificant += match is { Significant: true } ? 1 : 0;
                    plantedScores.Add(match?.Score ?? 0);
                    if (args.Contains("--explain") && match is not { Significant: true })
                    {
                        var crime = crimes.First(c => c.Reference == t.CrimeReference);
                        var subject = subjects.First(s => s.Trail.Tag == t.Tag);
                        var inWindow = subject.Trail.Fixes.Where(f => f.TimeUnixMs >= crime.FromUnixMs - 600_000 && f.TimeUnixMs <= crime.ToUnixMs + 600_000).ToList();
                        string nearest = string.Join(" ", inWindow.OrderBy(f => Tagwatch.Core.Geo.Geodesic.DistanceMetres(crime.Latitude, crime.Longitude, f.Latitude, f.Longitude)).Take(3)
                            .Select(f => $"{Tagwatch.Core.Geo.Geodesic.DistanceMetres(crime.Latitude, crime.Longitude, f.Latitude, f.Longitude):0}m/acc{f.AccuracyMetres}/{f.Source}/{f.Flags}"));
                        Console.WriteLine($"  missed {t.CrimeReference} {crime.Category} window {(crime.ToUnixMs - crime.FromUnixMs) / 60000} min: score {match?.Score:0.00} factors {match?.Factors} fixes {inWindow.Count} nearest {nearest}");
                    }
                }
                else
                {
                    decoys++;
                    decoysMatched += match is null ? 0 : 1;
                    decoysSignificant += match is { Significant: true } ? 1 : 0;
                    decoyScores.Add(match?.Score ?? 0);
                }
            }

            var others = matches.Where(m => !truth.ContainsKey((m.Crime.Reference, m.Tag))).ToList();
            otherScores.AddRange(others.Select(m => m.Score));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{seed} | {planted} | {plantedSignificant} | {(double)plantedSignificant / planted:0.000} | {decoys} | {decoysMatched} | {decoysSignificant} | {(double)decoysSignificant / decoys:0.000} | {others.Count} | {others.Count(m => m.Significant)}"));
        }

        Console.WriteLine();
        Console.WriteLine("score deciles (0 = no match)");
        Console.WriteLine($"planted:    {Deciles(plantedScores)}");
        Console.WriteLine($"decoys:     {Deciles(decoyScores)}");
        Console.WriteLine($"background: {Deciles(otherScores)}");
        return 0;
    }

    private static string Deciles(List<double> values)
    {
        if (values.Count == 0)
        {
            return "-";
        }

        values.Sort();
        return string.Join(" ", Enumerable.Range(0, 11).Select(i => values[Math.Min(values.Count - 1, i * (values.Count - 1) / 10)].ToString("0.00", CultureInfo.InvariantCulture)));
    }
}
