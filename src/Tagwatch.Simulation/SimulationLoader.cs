using NodaTime;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Imports;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Scheme;
using Tagwatch.Core.Tags;
using Tagwatch.Protocols;
using Tagwatch.Protocols.Devices.OsmAnd;

namespace Tagwatch.Simulation;

/// <summary>Loads a simulated pilot straight into a database: enrols the people under the scheme's rules,
/// registers and assigns their tags, stores their fixes, records each tag's last contact as a listener would, and
/// imports the crimes.</summary>
/// <remarks>A pilot in the present (<see cref="SimulationOptions.Until"/>) brings its scheme, dated around its history,
/// and its people wear their tags from their licence start; a pilot from a start date is enrolled under the scheme the
/// database holds, everyone tagged from that date.</remarks>
public sealed class SimulationLoader(OffenderService offenders, IOffenderStore offenderStore, ITagDirectory tags, IFixStore fixes, IIngestStore ingest, CrimeImporter crimes, FixQualityRules quality)
{
    /// <summary>What a load did.</summary>
    public sealed record Summary(int Enrolled, IReadOnlyList<string> Refused, long FixesStored, long FixesFlagged, ImportReport Crimes);

    /// <summary>Loads the pilot; <paramref name="tagsDone"/> reports progress through the trails.</summary>
    public async Task<Summary> LoadAsync(PilotSimulation pilot, IProgress<int>? tagsDone = null, CancellationToken cancellationToken = default)
    {
        if (pilot.Options.Until is not null)
        {
            await offenderStore.SaveSchemeAsync(pilot.Scheme, cancellationToken);
        }

        var refused = new List<string>();
        var enrolled = new List<(int Index, OffenderId Id)>();
        for (int i = 0; i < pilot.Offenders.Count; i++)
        {
            var o = pilot.Offenders[i];
            var result = await offenders.EnrolAsync(
                new EnrolmentRequest
                {
                    Person = o.Person,
                    IndexOffences = [o.IndexOffence],
                    CustodialSentenceServed = true,
                    GpsLicenceCondition = true,
                    LicenceStart = o.LicenceStart,
                    LicenceEnd = o.LicenceEnd,
                    ReleaseAddress = o.Home,
                    RiskTier = o.RiskTier,
                },
                o.Reference,
                cancellationToken);
            if (result.Offender is null)
            {
                refused.Add($"{o.Reference}: {string.Join("; ", result.Decision.Refusals.Select(r => r.Reason))}");
                continue;
            }

            enrolled.Add((i, result.Offender.Id));
        }

        // Registered for OsmAnd: that is the protocol the demo's live devices report over.
        await tags.RegisterAsync(pilot.Offenders.Select(o => new Tag(o.Tag, OsmAndDecoder.ProtocolName, "Tagwatch simulator")).ToList(), cancellationToken);
        var uk = DateTimeZoneProviders.Tzdb["Europe/London"];
        foreach (var (index, id) in enrolled)
        {
            var from = pilot.Options.Until is null ? pilot.Options.Start : pilot.Offenders[index].LicenceStart;
            await tags.AssignAsync(pilot.Offenders[index].Tag, id, from.AtStartOfDayInZone(uk).ToInstant(), cancellationToken);
        }

        long stored = 0, flagged = 0;
        var batch = new Dictionary<TagId, List<Fix>>();
        var contacts = new IngestCommit();
        for (int i = 0; i < pilot.Offenders.Count; i++)
        {
            var (trail, _) = pilot.SampleTrail(i);
            quality.AssessTrail(trail);
            var tag = pilot.Offenders[i].Tag;
            batch[tag] = trail;
            if (trail.Count > 0)
            {
                // The device list and the silence checks read contact, which a listener records with each message.
                var last = trail.MaxBy(f => f.ReceivedUnixSeconds)!;
                var latestFix = trail.MaxBy(f => f.TimeUnixMs)!;
                contacts.Contacts[tag] = new DeviceContact(tag, last.Received, latestFix.Time, BatteryPercent: null, Charging: null, OsmAndDecoder.ProtocolName);
            }

            if (batch.Count == 10 || i == pilot.Offenders.Count - 1)
            {
                var appended = await fixes.AppendAsync(batch, cancellationToken);
                stored += appended.Stored;
                flagged += appended.StoredFlagged;
                batch.Clear();
            }

            tagsDone?.Report(i + 1);
        }

        if (!contacts.IsEmpty)
        {
            await ingest.CommitAsync(contacts, cancellationToken);
        }

        var crimeReport = await crimes.ImportAsync(pilot.Crimes.Select((c, i) => ParsedRow<Crime>.Ok(i + 1, c)), cancellationToken);
        return new Summary(enrolled.Count, refused, stored, flagged, crimeReport);
    }
}
