using System.Globalization;
using NodaTime.Text;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Application.Simulation;

/// <summary>Writes a simulated pilot as files: fixes.csv, crimes.csv, offenders.csv, truth.csv and events.csv.</summary>
public static class SimulationWriter
{
    /// <summary>Writes every file into <paramref name="directory"/> (created when missing); returns the fixes written.</summary>
    public static async Task<long> WriteAsync(PilotSimulation pilot, string directory, IProgress<int>? tagsDone = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        long fixes = 0;
        await using (var fixFile = Create(directory, "fixes.csv"))
        await using (var eventFile = Create(directory, "events.csv"))
        {
            var writer = new FixCsvWriter(fixFile);
            writer.WriteHeader();
            await eventFile.WriteLineAsync("tag_id,timestamp,event");
            for (int i = 0; i < pilot.Offenders.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (trail, events) = pilot.SampleTrail(i);
                var tag = pilot.Offenders[i].Tag;
                foreach (var fix in trail)
                {
                    writer.Write(tag, fix);
                }

                fixes += trail.Count;
                foreach (var e in events.OrderBy(e => e.Time))
                {
                    await eventFile.WriteLineAsync($"{e.Tag},{InstantPattern.ExtendedIso.Format(e.Time)},{e.Kind}");
                }

                tagsDone?.Report(i + 1);
            }
        }

        await using (var crimes = Create(directory, "crimes.csv"))
        {
            await crimes.WriteLineAsync("crime_ref,category,lat,lon,committed_from,committed_to");
            foreach (var c in pilot.Crimes)
            {
                await crimes.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Reference},{c.CategoryCode},{c.Position.Latitude:0.000000},{c.Position.Longitude:0.000000},{InstantPattern.General.Format(c.CommittedFrom)},{InstantPattern.General.Format(c.CommittedTo)}"));
            }
        }

        await using (var offenders = Create(directory, "offenders.csv"))
        {
            await offenders.WriteLineAsync("offender_ref,tag_id,given_name,family_name,date_of_birth,index_offence,risk_tier,home_borough,home_lat,home_lon,licence_start,licence_end");
            foreach (var o in pilot.Offenders)
            {
                await offenders.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{o.Reference},{o.Tag},{o.Person.GivenName},{o.Person.FamilyName},{LocalDatePattern.Iso.Format(o.Person.DateOfBirth)},{o.IndexOffence},{o.RiskTier},{o.HomeBoroughCode},{o.Home.Latitude:0.000000},{o.Home.Longitude:0.000000},{LocalDatePattern.Iso.Format(o.LicenceStart)},{LocalDatePattern.Iso.Format(o.LicenceEnd)}"));
            }
        }

        await using (var truth = Create(directory, "truth.csv"))
        {
            await truth.WriteLineAsync("crime_ref,tag_id,kind");
            foreach (var t in pilot.Truth)
            {
                await truth.WriteLineAsync($"{t.CrimeReference},{t.Tag},{t.Kind.ToString().ToLowerInvariant()}");
            }
        }

        return fixes;
    }

    private static StreamWriter Create(string directory, string name) =>
        new(Path.Combine(directory, name), append: false, new System.Text.UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
}
