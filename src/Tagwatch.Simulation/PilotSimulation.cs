using System.Globalization;
using NetTopologySuite.Geometries;
using NodaTime;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Simulation;

/// <summary>A synthetic pilot in Lambeth, Lewisham, Southwark and Croydon: people, their true paths, crimes and ground truth.</summary>
/// <remarks>
/// Deterministic for a seed: every random choice comes from generators seeded by the seed and the person's index, so
/// the same options give the same pilot whatever order the trails are sampled in. Fixes are sampled on demand
/// (<see cref="SampleTrail"/>) so that a large pilot never has to sit in memory at once. With
/// <see cref="SimulationOptions.Until"/> the pilot is dated to that instant (the demo's present); without it, to
/// <see cref="SimulationOptions.Start"/> (by default the 2019 pilot), as the benchmarks and quality runs use it.
/// </remarks>
public sealed class PilotSimulation
{
    private static readonly DateTimeZone UkTime = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly string[] GivenNames = ["Aaron", "Jayden", "Kyle", "Marcus", "Tyrone", "Daniel", "Liam", "Reece", "Joshua", "Kwame", "Connor", "Ryan", "Tariq", "Callum", "Dwayne", "Mohammed", "Jordan", "Nathan", "Shaun", "Leon"];
    private static readonly string[] FamilyNames = ["Smith", "Jones", "Williams", "Brown", "Taylor", "Davies", "Evans", "Thomas", "Johnson", "Roberts", "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood"];
    private static readonly IndexOffence[] InScopeOffences = [IndexOffence.WeaponPossession, IndexOffence.Robbery, IndexOffence.Wounding, IndexOffence.GrievousBodilyHarm, IndexOffence.AggravatedBurglary];

    private readonly LocalPlane _plane;
    private readonly List<Trajectory> _trajectories = [];
    private readonly long _startMs, _endMs;

    // The routine covers whole UK days from _startDate; the history sampled from it is [_startMs, _endMs).
    private readonly LocalDate _startDate;
    private readonly int _routineDays;

    private PilotSimulation(SimulationOptions options)
    {
        Options = options;
        _plane = new LocalPlane(51.45, -0.09);
        if (options.Until is { } until)
        {
            var start = until - Duration.FromDays(options.Days);
            _startDate = start.InZone(UkTime).Date;
            _routineDays = options.Days + 1;
            _startMs = start.ToUnixTimeMilliseconds();
            _endMs = until.ToUnixTimeMilliseconds();
            Today = until.InZone(UkTime).Date;
            // The scheme opened in the month five months before the history, for a year: open now and for months to
            // come; a pilot simulated at a larger scale than London's brings the capacity to hold everyone it tags.
            var opened = _startDate.PlusMonths(-5);
            Scheme = SchemeSettings.LondonPilot with
            {
                StartDate = new LocalDate(opened.Year, opened.Month, 1),
                Capacity = Math.Max(SchemeSettings.LondonPilot.Capacity, options.Tags),
            };
        }
        else
        {
            _startDate = options.Start;
            _routineDays = options.Days;
            _startMs = options.Start.AtStartOfDayInZone(UkTime).ToInstant().ToUnixTimeMilliseconds();
            _endMs = options.Start.PlusDays(options.Days).AtStartOfDayInZone(UkTime).ToInstant().ToUnixTimeMilliseconds();
            Today = options.Start.PlusDays(options.Days);
            Scheme = SchemeSettings.LondonPilot;
        }
    }

    /// <summary>The options the pilot was built from.</summary>
    public SimulationOptions Options { get; }

    /// <summary>The scheme the pilot runs under: the 2019 London pilot, or for a pilot in the present the same scheme
    /// opened some months before its history.</summary>
    public SchemeSettings Scheme { get; }

    /// <summary>First instant of the simulated history.</summary>
    public Instant HistoryStart => Instant.FromUnixTimeMilliseconds(_startMs);

    /// <summary>End of the simulated history (exclusive): <see cref="SimulationOptions.Until"/> when set.</summary>
    public Instant HistoryEnd => Instant.FromUnixTimeMilliseconds(_endMs);

    /// <summary>The UK day the history ends on (for a pilot in the present, today).</summary>
    public LocalDate Today { get; }

    /// <summary>Curfews and exclusion zones on the people's licences (some people have none).</summary>
    public IReadOnlyList<SimulatedCondition> Conditions { get; private set; } = [];

    /// <summary>The people, in tag order.</summary>
    public IReadOnlyList<SimulatedOffender> Offenders { get; private set; } = [];

    /// <summary>Every crime (background, planted and decoys), ordered by committed-from time, with neutral references.</summary>
    public IReadOnlyList<Crime> Crimes { get; private set; } = [];

    /// <summary>Which crimes were planted on or placed as decoys near which tag.</summary>
    public IReadOnlyList<GroundTruth> Truth { get; private set; } = [];

    /// <summary>Builds the pilot's people, paths and crimes.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static PilotSimulation Create(SimulationOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        var simulation = new PilotSimulation(options);
        simulation.Build();
        return simulation;
    }

    /// <summary>Samples the fixes (sorted by time) and device events of person <paramref name="index"/>.</summary>
    /// <remarks>A person whose licence ended during the history has fixes up to its end only: the tag came off then.</remarks>
    public (List<Fix> Fixes, List<DeviceEvent> Events) SampleTrail(int index)
    {
        var random = new Random(Seed(2, index));
        return new FixSampler(random, _plane, UkTime).Sample(Offenders[index].Tag, _trajectories[index], _startMs, EndMs(Offenders[index]));
    }

    private long EndMs(SimulatedOffender person) =>
        Math.Min(_endMs, person.LicenceEnd.PlusDays(1).AtStartOfDayInZone(UkTime).ToInstant().ToUnixTimeMilliseconds());

    private int Seed(int stream, int index) => RandomExtensions.DeriveSeed(Options.Seed, stream, index);

    private void Build()
    {
        var map = BoroughMap.London;
        var pilotBoroughs = SchemeSettings.LondonPilot.BoroughCodes.Select(c => map.Find(c)!).ToList();
        var shapes = pilotBoroughs.Select(b => map.Boundary(b)).ToList();
        var offenders = new List<SimulatedOffender>(Options.Tags);
        var conditions = new List<SimulatedCondition>();
        var planted = new List<(Crime Crime, int Tag, GroundTruthKind Kind)>();
        for (int i = 0; i < Options.Tags; i++)
        {
            var random = new Random(Seed(1, i));
            int boroughIndex = i % pilotBoroughs.Count;
            var home = RandomPointIn(shapes[boroughIndex], random);
            var (homeX, homeY) = _plane.ToMetres(home);
            var anchors = Enumerable.Range(0, 3 + random.Next(3)).Select(a =>
            {
                double distance = 300 + random.NextDouble() * (a == 0 ? 1500 : 6000), angle = random.NextDouble() * 2 * Math.PI;
                return new RoutineGenerator.Anchor(homeX + Math.Cos(angle) * distance, homeY + Math.Sin(angle) * distance, a == 0 ? 3 : 1 + random.NextDouble(), random.NextDouble() < 0.7);
            }).ToList();
            _trajectories.Add(new RoutineGenerator(random, UkTime).Build(homeX, homeY, anchors, _startDate, _routineDays));

            // In the present, licences began up to four months before the history: everyone is an adult on release.
            var dateOfBirth = _startDate.PlusYears(-((Options.Until is null ? 18 : 19) + random.Next(23))).PlusDays(-random.Next(365));
            var tier = random.NextDouble() switch { < 0.2 => RiskTier.Low, < 0.55 => RiskTier.Medium, < 0.85 => RiskTier.High, _ => RiskTier.VeryHigh };
            var (licenceStart, licenceEnd) = Options.Until is null
                ? (Options.Start, Options.Start.PlusMonths(6 + random.Next(19)))
                : PresentLicence(i, random);
            offenders.Add(new SimulatedOffender(
                OffenderReference.FromSequence(i + 1),
                TagId.Parse(string.Create(CultureInfo.InvariantCulture, $"3598810{Options.Seed % 100:00}{i:000000}")),
                new PersonalDetails(GivenNames[random.Next(GivenNames.Length)], FamilyNames[random.Next(FamilyNames.Length)], dateOfBirth),
                InScopeOffences[random.Next(InScopeOffences.Length)],
                tier,
                pilotBoroughs[boroughIndex].Code,
                home,
                licenceStart,
                licenceEnd));
            conditions.AddRange(ConditionsOf(i, offenders[i], homeX, homeY, new Random(Seed(5, i))));

            var truthRandom = new Random(Seed(3, i));
            int count = (int)Math.Round(Options.PlantedPerTagPerWeek * Options.Days / 7.0);
            long endMs = EndMs(offenders[i]);
            for (int p = 0; p < count; p++)
            {
                if (PlantOnPath(_trajectories[i], truthRandom, endMs) is { } crime)
                {
                    planted.Add((crime, i, GroundTruthKind.Planted));
                }

                if (PlaceDecoy(_trajectories[i], truthRandom, endMs) is { } decoy)
                {
                    planted.Add((decoy, i, GroundTruthKind.Decoy));
                }
            }
        }

        Offenders = offenders;
        Conditions = conditions;
        var background = BackgroundCrimes(shapes, new Random(Seed(4, 0)));
        AssignReferences(background, planted, offenders);
    }

    private void AssignReferences(List<Crime> background, List<(Crime Crime, int Tag, GroundTruthKind Kind)> planted, List<SimulatedOffender> offenders)
    {
        var all = background.Select(c => (Crime: c, Tag: -1, Kind: GroundTruthKind.Planted))
            .Concat(planted)
            .OrderBy(c => c.Crime.CommittedFrom).ThenBy(c => c.Crime.Position.Latitude).ThenBy(c => c.Crime.Position.Longitude)
            .ToList();
        var crimes = new List<Crime>(all.Count);
        var truth = new List<GroundTruth>(planted.Count);
        for (int i = 0; i < all.Count; i++)
        {
            string reference = string.Create(CultureInfo.InvariantCulture, $"CRI{i + 1:00000000}");
            crimes.Add(all[i].Crime with { Reference = reference });
            if (all[i].Tag >= 0)
            {
                truth.Add(new GroundTruth(reference, offenders[all[i].Tag].Tag, all[i].Kind));
            }
        }

        Crimes = crimes;
        Truth = truth;
    }

    /// <summary>Licence dates of a person in the present: released some weeks or months before the history, on licence
    /// for months to come; one person in fifty (in a pilot of twenty or more) finished their licence during the history.</summary>
    private (LocalDate Start, LocalDate End) PresentLicence(int index, Random random)
    {
        var start = _startDate.PlusDays(-random.Next(120));
        start = start < Scheme.StartDate ? Scheme.StartDate : start;
        if (Options.Tags >= 20 && index % 50 == 49)
        {
            var ended = Today.PlusDays(-(1 + random.Next(Math.Max(1, Options.Days - 1))));
            return (start, ended < start ? start : ended);
        }

        var end = start.PlusMonths(6 + random.Next(19));
        var soonest = Today.PlusDays(30 + random.Next(60));
        return (start, end < soonest ? soonest : end);
    }

    /// <summary>A night curfew at home for every third person and an exclusion zone (a victim's street, 1–3 km from home)
    /// for every fourth: their ordinary routines break them now and then, as real ones do.</summary>
    private IEnumerable<SimulatedCondition> ConditionsOf(int index, SimulatedOffender person, double homeX, double homeY, Random random)
    {
        if (index % 3 == 0)
        {
            yield return new SimulatedCondition(person.Reference, ConditionKind.Curfew, ZoneArea.Circle(person.Home, 100), Schedule.Parse("daily 23:00-06:00"), Duration.FromMinutes(15), "curfew at the release address");
        }

        if (index % 4 == 1)
        {
            double distance = 1000 + random.NextDouble() * 2000, angle = random.NextDouble() * 2 * Math.PI;
            var centre = _plane.ToPoint(homeX + Math.Cos(angle) * distance, homeY + Math.Sin(angle) * distance);
            yield return new SimulatedCondition(person.Reference, ConditionKind.Exclusion, ZoneArea.Circle(new GeoPoint(Math.Round(centre.Latitude, 6), Math.Round(centre.Longitude, 6)), 250 + random.Next(250)), Schedule.Always, Duration.Zero, "victim's street");
        }
    }

    private Crime? PlantOnPath(Trajectory trajectory, Random random, long endMs)
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            long t = _startMs + 3_600_000 + (long)(random.NextDouble() * (endMs - _startMs - 7_200_000));
            if (trajectory.LegAt(t).AtHome)
            {
                continue;
            }

            var (x, y) = trajectory.At(t);
            double angle = random.NextDouble() * 2 * Math.PI, offset = random.NextDouble() * 15;
            var profile = CrimeProfile.Pick(random, CrimeProfile.Plantable);
            return MakeCrime(profile, x + Math.Cos(angle) * offset, y + Math.Sin(angle) * offset, t, random);
        }

        return null;
    }

    private Crime? PlaceDecoy(Trajectory trajectory, Random random, long endMs)
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            long t = _startMs + 3_600_000 + (long)(random.NextDouble() * (endMs - _startMs - 7_200_000));
            if (trajectory.LegAt(t).AtHome)
            {
                continue;
            }

            var (x, y) = trajectory.At(t);
            double angle = random.NextDouble() * 2 * Math.PI, offset = 150 + random.NextDouble() * 250;
            var profile = CrimeProfile.Pick(random, CrimeProfile.Plantable);
            var crime = MakeCrime(profile, x + Math.Cos(angle) * offset, y + Math.Sin(angle) * offset, t, random);
            var (cx, cy) = _plane.ToMetres(crime.Position);
            long from = crime.CommittedFrom.ToUnixTimeMilliseconds() - 600_000, to = crime.CommittedTo.ToUnixTimeMilliseconds() + 600_000;
            if (trajectory.ClosestApproachMetres(cx, cy, from, to) >= 150)
            {
                return crime;
            }
        }

        return null;
    }

    private List<Crime> BackgroundCrimes(List<Geometry> shapes, Random random)
    {
        var hotspots = Enumerable.Range(0, 20).Select(_ =>
        {
            var (x, y) = _plane.ToMetres(RandomPointIn(shapes[random.Next(shapes.Count)], random));
            return (X: x, Y: y, Sigma: 200 + random.NextDouble() * 400);
        }).ToList();
        var crimes = new List<Crime>(Options.CrimesPerDay * _routineDays);
        for (int d = 0; d < _routineDays; d++)
        {
            long dayStart = _startDate.PlusDays(d).AtStartOfDayInZone(UkTime).ToInstant().ToUnixTimeMilliseconds();
            int count = (int)Math.Round(Options.CrimesPerDay * (0.9 + random.NextDouble() * 0.2));
            for (int c = 0; c < count; c++)
            {
                var profile = CrimeProfile.Pick(random, CrimeProfile.All);
                double hour = profile.PeakHour + random.NextGaussian() * profile.HourSpread;
                long t = dayStart + (long)((hour % 24 + 24) % 24 * 3_600_000);
                double x, y;
                if (random.NextDouble() < 0.6)
                {
                    var hotspot = hotspots[random.Next(hotspots.Count)];
                    x = hotspot.X + random.NextGaussian() * hotspot.Sigma;
                    y = hotspot.Y + random.NextGaussian() * hotspot.Sigma;
                }
                else
                {
                    (x, y) = _plane.ToMetres(RandomPointIn(shapes[random.Next(shapes.Count)], random));
                }

                var crime = MakeCrime(profile, x, y, t, random);
                // A history in the present holds no crime from the future, nor from before it began.
                if (Options.Until is null || (crime.CommittedFrom.ToUnixTimeMilliseconds() >= _startMs && crime.CommittedTo.ToUnixTimeMilliseconds() <= _endMs))
                {
                    crimes.Add(crime);
                }
            }
        }

        return crimes;
    }

    private Crime MakeCrime(CrimeProfile profile, double x, double y, long committedAt, Random random)
    {
        long window = profile.WindowMs(random);
        long from = committedAt - (long)(random.NextDouble() * window);
        from -= from % 1000;
        var exact = _plane.ToPoint(x, y);
        var position = new GeoPoint(Math.Round(exact.Latitude, 6), Math.Round(exact.Longitude, 6));
        var force = PoliceForce.Metropolitan;
        return new Crime
        {
            Force = force.Key,
            Reference = "",
            Category = profile.Category,
            CategoryCode = profile.Code,
            CommittedFrom = Instant.FromUnixTimeMilliseconds(from),
            CommittedTo = Instant.FromUnixTimeMilliseconds(from + window),
            Position = position,
            Grid = NationalGrid.ToGrid(position),
            Source = CrimeSource.Tagwatch,
        };
    }

    private static GeoPoint RandomPointIn(Geometry shape, Random random)
    {
        var box = shape.EnvelopeInternal;
        while (true)
        {
            double lon = box.MinX + random.NextDouble() * box.Width, lat = box.MinY + random.NextDouble() * box.Height;
            if (shape.Contains(new Point(lon, lat)))
            {
                return new GeoPoint(lat, lon);
            }
        }
    }
}
