using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Access;
using Tagwatch.Core.Geo;
using Tagwatch.Server;
using Tagwatch.Server.Workers;
using Tagwatch.Application.Offenders;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>
/// Live demo devices: the tags of the demo pilot's people on licence today walk around their wearers' homes and report
/// over the real OsmAnd protocol to the server's own listener once a minute, as real tags do, so their history runs on
/// into the present and live positions move while a newcomer looks. A person whose licence has ended wears no tag.
/// They upload as a vendor gateway would: with a gateway credential, made afresh at each start (the previous one
/// revoked), since OsmAnd uploads need a credential.
/// </summary>
internal static class DemoDevices
{
    private const int Devices = 100;
    private const string CredentialName = "demo devices (serve --demo)";
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public static async Task RunAsync(ServerOptions options, Workspace services, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (options.OsmAndPort == 0)
        {
            return;
        }

        var people = services.Get<OffenderService>();
        var today = people.Today;
        var offenders = (await people.ListAsync(cancellationToken)).Where(o => o.StatusOn(today) == Core.Offenders.OffenderStatus.Active).Take(Devices).ToList();
        var assignments = await services.Get<ITagDirectory>().AssignmentsAsync(cancellationToken);
        var walkers = offenders
            .Select(o => (Tag: assignments.FirstOrDefault(a => a.Offender == o.Id && a.To is null)?.Tag, Home: o.HomeAddress))
            .Where(w => w.Tag is not null)
            .Select((w, i) => new Walker(w.Tag!.Value.Value, w.Home, new Random(i + 1)))
            .ToList();
        string host = options.DeviceAddress is "0.0.0.0" or "::" ? "127.0.0.1" : options.DeviceAddress;
        using var http = new HttpClient { BaseAddress = new Uri($"http://{host}:{options.OsmAndPort}"), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await GatewaySecretAsync(services, cancellationToken));
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            foreach (var walker in walkers)
            {
                walker.Step(Interval.TotalSeconds);
                string query = string.Create(CultureInfo.InvariantCulture,
                    $"/?id={walker.Tag}&lat={walker.Position.Latitude:F6}&lon={walker.Position.Longitude:F6}&timestamp={clock.GetUtcNow().ToUnixTimeSeconds()}"
                    + $"&accuracy={walker.Accuracy:F0}&speed={walker.SpeedKnots:F1}&bearing={walker.Bearing:F0}&batt={walker.Battery}");
                try
                {
                    using var response = await http.GetAsync(new Uri(query, UriKind.Relative), cancellationToken);
                }
                catch (HttpRequestException)
                {
                    // The listener may be starting or stopping; the next tick tries again.
                }
            }
        }
        while (await timer.TickOrStopAsync(cancellationToken));
    }

    // Through the registry's use cases, as an administrator would at the console, so the credentials are audited.
    private static async Task<string> GatewaySecretAsync(Workspace services, CancellationToken cancellationToken)
    {
        var actor = ConsoleActor.In(Role.Administrator);
        var revoke = services.Provider.GetRequiredService<RevokeDeviceCredential>();
        var listed = await services.Provider.GetRequiredService<ListDeviceCredentials>().ExecuteAsync(actor, new ListDeviceCredentialsRequest(), cancellationToken);
        foreach (var earlier in listed.Value.Where(c => c.Name == CredentialName && c.Revoked is null))
        {
            _ = (await revoke.ExecuteAsync(actor, new RevokeDeviceCredentialRequest(earlier.Id), cancellationToken)).Value;
        }

        var created = await services.Provider.GetRequiredService<CreateDeviceCredential>()
            .ExecuteAsync(actor, new CreateDeviceCredentialRequest(null, CredentialName), cancellationToken);
        return created.Value.Secret;
    }

    /// <summary>A wearer ambling about within a kilometre or so of home.</summary>
    private sealed class Walker(string tag, GeoPoint home, Random random)
    {
        private readonly GeoPoint _home = home;

        public string Tag { get; } = tag;

        public GeoPoint Position { get; private set; } = home;

        public double Bearing { get; private set; } = random.NextDouble() * 360;

        public double SpeedKnots { get; private set; }

        public double Accuracy { get; private set; } = 8;

        public int Battery { get; private set; } = 60 + random.Next(40);

        public void Step(double seconds)
        {
            double metresPerSecond = random.NextDouble() < 0.3 ? 0 : 1.0 + random.NextDouble();
            double awayFromHome = Geodesic.DistanceMetres(Position, _home);
            Bearing = awayFromHome > 1000
                ? BearingTo(Position, _home)
                : (Bearing + (random.NextDouble() - 0.5) * 60 + 360) % 360;
            double metres = metresPerSecond * seconds;
            double north = metres * Math.Cos(Bearing * Math.PI / 180), east = metres * Math.Sin(Bearing * Math.PI / 180);
            Position = new GeoPoint(
                Position.Latitude + north / 111_320,
                Position.Longitude + east / (111_320 * Math.Cos(Position.Latitude * Math.PI / 180)));
            SpeedKnots = metresPerSecond * 1.943844;
            Accuracy = 5 + random.NextDouble() * 15;
            if (random.NextDouble() < 0.02)
            {
                Battery = Math.Max(5, Battery - 1);
            }
        }

        private static double BearingTo(GeoPoint from, GeoPoint to) =>
            (Math.Atan2(to.Longitude - from.Longitude, to.Latitude - from.Latitude) * 180 / Math.PI + 360) % 360;
    }
}
