using NodaTime.Text;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Simulation;

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
            var eventCsv = new CsvWriter(eventFile);
            eventCsv.WriteHeader("tag_id", "timestamp", "event");
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
                    eventCsv.Text(e.Tag.Value).Text(InstantPattern.ExtendedIso.Format(e.Time)).Text(e.Kind);
                    eventCsv.EndRow();
                }

                tagsDone?.Report(i + 1);
            }
        }

        await using (var crimes = Create(directory, "crimes.csv"))
        {
            var csv = new CsvWriter(crimes);
            csv.WriteHeader("crime_ref", "category", "lat", "lon", "committed_from", "committed_to");
            foreach (var c in pilot.Crimes)
            {
                csv.Text(c.Reference).Text(c.CategoryCode).Number(c.Position.Latitude, Degrees).Number(c.Position.Longitude, Degrees)
                    .Text(InstantPattern.General.Format(c.CommittedFrom)).Text(InstantPattern.General.Format(c.CommittedTo));
                csv.EndRow();
            }
        }

        await using (var offenders = Create(directory, "offenders.csv"))
        {
            var csv = new CsvWriter(offenders);
            csv.WriteHeader("offender_ref", "tag_id", "given_name", "family_name", "date_of_birth", "index_offence", "risk_tier", "home_borough", "home_lat", "home_lon", "licence_start", "licence_end");
            foreach (var o in pilot.Offenders)
            {
                csv.Text(o.Reference.ToString()).Text(o.Tag.Value).Text(o.Person.GivenName).Text(o.Person.FamilyName).Text(LocalDatePattern.Iso.Format(o.Person.DateOfBirth))
                    .Text(o.IndexOffence.ToString()).Text(o.RiskTier.ToString()).Text(o.HomeBoroughCode).Number(o.Home.Latitude, Degrees).Number(o.Home.Longitude, Degrees)
                    .Text(LocalDatePattern.Iso.Format(o.LicenceStart)).Text(LocalDatePattern.Iso.Format(o.LicenceEnd));
                csv.EndRow();
            }
        }

        await using (var truth = Create(directory, "truth.csv"))
        {
            var csv = new CsvWriter(truth);
            csv.WriteHeader("crime_ref", "tag_id", "kind");
            foreach (var t in pilot.Truth)
            {
                csv.Text(t.CrimeReference).Text(t.Tag.Value).Text(t.Kind.ToString().ToLowerInvariant());
                csv.EndRow();
            }
        }

        return fixes;
    }

    private const string Degrees = "0.000000";

    private static StreamWriter Create(string directory, string name) =>
        new(Path.Combine(directory, name), append: false, new System.Text.UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
}
