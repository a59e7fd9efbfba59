using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Server;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Tags;
using Tagwatch.Storage;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch serve [--db PATH] [--urls URLS] [--certificate PATH [--certificate-key PATH]] [--osmand-port N] [--gt06-port N] [--h02-port N] [--demo]</c>:
/// the API, the device listeners and the ingest pipeline in one process, until stopped (Ctrl+C).</summary>
/// <remarks>Settings come from appsettings.json (section <c>Tagwatch:Server</c>), then environment variables
/// (<c>Tagwatch__Server__Gt06Port</c>…), then these options.</remarks>
internal sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Addresses of the API, ';'-separated (default http://127.0.0.1:5000); https:// needs --certificate.")]
        public string? Urls { get; init; }

        [CommandOption("--certificate <PATH>")]
        [Description("TLS certificate: PEM (key in the same file or --certificate-key) or PKCS#12 (.pfx); its password only from configuration (Tagwatch__Server__Tls__CertificatePassword).")]
        public string? Certificate { get; init; }

        [CommandOption("--certificate-key <PATH>")]
        [Description("The PEM private key of --certificate, when it is a separate file.")]
        public string? CertificateKey { get; init; }

        [CommandOption("--device-address <IP>")]
        [Description("Address the device listeners bind to (default 127.0.0.1; 0.0.0.0 for devices on the network).")]
        public string? DeviceAddress { get; init; }

        [CommandOption("--osmand-port <PORT>")]
        [Description("OsmAnd HTTP port (default 5055; 0 turns it off).")]
        public int? OsmAndPort { get; init; }

        [CommandOption("--gt06-port <PORT>")]
        [Description("GT06 TCP port (default 5023; 0 turns it off).")]
        public int? Gt06Port { get; init; }

        [CommandOption("--h02-port <PORT>")]
        [Description("H02 TCP port (default 5013; 0 turns it off).")]
        public int? H02Port { get; init; }

        [CommandOption("--bad-checksum <POLICY>")]
        [Description("GT06 frames with a bad CRC: AcceptAndFlag (default) or Reject.")]
        public BadChecksumPolicy? BadChecksum { get; init; }

        [CommandOption("--demo")]
        [Description("Start on a simulated pilot: builds a demo database first when the file does not exist.")]
        public bool Demo { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var configuration = AppSettings.Read();
        var configured = configuration
            .GetSection("Tagwatch:Server")
            .Get<ServerOptions>() ?? new ServerOptions();
        var options = configured with
        {
            Database = settings.DatabasePath,
            Urls = settings.Urls ?? configured.Urls,
            DeviceAddress = settings.DeviceAddress ?? configured.DeviceAddress,
            OsmAndPort = settings.OsmAndPort ?? configured.OsmAndPort,
            Gt06Port = settings.Gt06Port ?? configured.Gt06Port,
            H02Port = settings.H02Port ?? configured.H02Port,
            BadChecksum = settings.BadChecksum ?? configured.BadChecksum,
            Tls = configured.Tls with
            {
                CertificatePath = settings.Certificate ?? configured.Tls.CertificatePath,
                KeyPath = settings.CertificateKey ?? configured.Tls.KeyPath,
            },
        };
        options.ThrowIfInvalid();

        var clock = TimeProvider.System;
        var location = settings.Location;
        if (settings.Demo && location.IsPostgres)
        {
            throw new ArgumentException("--demo builds its simulated pilot in its own SQLite file: leave out --postgres (and Storage:Provider) to run it.");
        }

        if (settings.Demo && await DemoIsMissingOrStaleAsync(options.Database, clock, cancellationToken))
        {
            await DemoPilot.BuildAsync(settings, new SimulateCommand.Settings(), clock, cancellationToken, replace: true);
        }

        var services = await Workspace.OpenAsync(location, clock, cancellationToken);
        if (settings.Demo)
        {
            await DemoUsers.CreateAsync(services.Provider, cancellationToken);
        }

        // The demo has one administrator: nobody could approve its scope grants, so they take effect at once.
        string[]? demoSettings = settings.Demo ? ["--Tagwatch:Accounts:RequireSecondApproval=false"] : null;
        await using var app = TagwatchServer.Build(options, services.Database, clock, demoSettings, host => host.AddSingleton(services.Get<FixQualityRules>()));
        await app.StartAsync(cancellationToken);
        CliContext.Current.Console.MarkupLine($"Tagwatch serving [bold]{Markup.Escape(services.Description)}[/]");
        CliContext.Current.Console.MarkupLine($"  API and health: {Markup.Escape(options.Urls)} (reference: {Markup.Escape(options.Urls.Split(';')[0])}/scalar/v1)");
        CliContext.Current.Console.MarkupLine($"  devices on {Markup.Escape(options.DeviceAddress)}: OsmAnd HTTP {Port(options.OsmAndPort)}, GT06 TCP {Port(options.Gt06Port)}, H02 TCP {Port(options.H02Port)}");
        CliContext.Current.Console.MarkupLine("  Ctrl+C stops (queued fixes are committed first).");
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        var devices = settings.Demo ? DemoDevices.RunAsync(options, services, clock, stopping.Token) : Task.CompletedTask;
        if (settings.Demo)
        {
            CliContext.Current.Console.MarkupLine("  demo: the pilot's last 30 days run up to now, and the tags of the people on licence report live over OsmAnd once a minute.");
        }

        await app.WaitForShutdownAsync(cancellationToken);
        await stopping.CancelAsync();
        try
        {
            await devices;
        }
        catch (OperationCanceledException)
        {
            // stopped with the server
        }
        return ExitCodes.Ok;
    }

    /// <summary>True when there is no demo database yet, or the demo database's scheme no longer covers today (a demo
    /// built by an older version, dated to 2019, or one left for a year), or whose tags an older version registered for no
    /// protocol the live devices speak ("simulated"): such a demo is rebuilt in the present.
    /// Any other database is left alone.</summary>
    private static async Task<bool> DemoIsMissingOrStaleAsync(string database, TimeProvider clock, CancellationToken cancellationToken)
    {
        string path = CliContext.Current.FullPath(database);
        if (!File.Exists(path))
        {
            return true;
        }

        if (!await TagwatchDatabase.IsDemoAsync(path, cancellationToken))
        {
            return false;
        }

        var services = await Workspace.OpenAsync(path, clock, cancellationToken);
        var scheme = await services.Get<IOffenderStore>().GetSchemeAsync(cancellationToken);
        var today = services.Get<OffenderService>().Today;
        return today < scheme.StartDate || today > scheme.EndDate
            || (await services.Get<ITagDirectory>().ListAsync(cancellationToken)).Any(t => t.Protocol == "simulated");
    }

    private static string Port(int port) => port == 0 ? "off" : port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
