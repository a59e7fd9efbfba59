using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Correlation;
using Tagwatch.Core.Access;
using Tagwatch.Core.Matches;
using Tagwatch.Correlation.Scored;
using Tagwatch.Simulation;
using Tagwatch.Storage;
using Tagwatch.Storage.Accounts;
using Tagwatch.Storage.Postgres;
using Tagwatch.Tests;

namespace Tagwatch.Server.Tests;

/// <summary>
/// The real server over a small simulated pilot (6 people × 4 days, correlated), with one account per role, each with a
/// personal API token, plus a police officer of another borough, a probation officer of another caseload and a device credential.
/// </summary>
internal sealed class SeededApi : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";

    private SeededApi(RunningServer server) => Server = server;

    public RunningServer Server { get; }

    /// <summary>Bearer secrets by principal name (see <see cref="Principals"/>); anonymous has none.</summary>
    public Dictionary<string, string?> Secrets { get; } = [];

    public static readonly string[] Principals =
        ["anonymous", "device", "admin", "monitoring", "probation", "probation-other", "police", "police-other", "reviewer", "evaluator", "auditor"];

    /// <summary>The user names of the principals that have an account.</summary>
    public static readonly IReadOnlyDictionary<string, string> Usernames = new Dictionary<string, string>
    {
        ["admin"] = "ada.admin",
        ["monitoring"] = "mo.centre",
        ["probation"] = "pat.probation",
        ["probation-other"] = "pip.probation",
        ["police"] = "sam.police",
        ["police-other"] = "sid.police",
        ["reviewer"] = "rae.reviewer",
        ["evaluator"] = "eve.evaluator",
        ["auditor"] = "aud.auditor",
    };

    /// <summary>The person on "probation"'s caseload (not on "probation-other"'s).</summary>
    public string CaseloadReference { get; private init; } = "";

    /// <summary>A significant match, disclosed to the police of "police"'s borough.</summary>
    public StoredMatch DisclosedMatch { get; private init; } = null!;

    /// <summary>A significant match still new (for review tests).</summary>
    public StoredMatch? NewMatch { get; private init; }

    public PilotSimulation Pilot { get; private init; } = null!;

    /// <summary>The borough codes of "police" and "police-other".</summary>
    public Dictionary<string, string> PoliceBoroughs { get; } = [];

    /// <summary>A point well inside the borough of a police principal, for trails and searches its scope allows.</summary>
    public (double Latitude, double Longitude) CentreOf(string policePrincipal)
    {
        var borough = Core.Boroughs.BoroughMap.London.Find(PoliceBoroughs[policePrincipal])!;
        var inside = Core.Boroughs.BoroughMap.London.Boundary(borough).InteriorPoint;
        return (inside.Y, inside.X);
    }

    public UserAccounts Accounts { get; private init; } = null!;

    /// <param name="configure">Server options to change.</param>
    /// <param name="configuration">Configuration as command-line arguments (<c>--Tagwatch:Accounts:RequireSecondApproval=false</c>).</param>
    public static async Task<SeededApi> StartAsync(Func<ServerOptions, ServerOptions>? configure = null, string[]? configuration = null)
    {
        var template = await Template.Value;
        var server = await RunningServer.StartAsync(
            o => configure?.Invoke(o with { SignInAttemptsPerMinute = 1000 }) ?? o with { SignInAttemptsPerMinute = 1000 }, configuration: configuration, copyOf: template.DatabasePath);
        var seeded = new SeededApi(server)
        {
            Pilot = template.Pilot,
            CaseloadReference = template.CaseloadReference,
            DisclosedMatch = template.DisclosedMatch,
            NewMatch = template.NewMatch,
            Accounts = server.App.Services.GetRequiredService<UserAccounts>(),
        };
        foreach (var (principal, secret) in template.Secrets)
        {
            seeded.Secrets[principal] = secret;
        }

        foreach (var (principal, borough) in template.PoliceBoroughs)
        {
            seeded.PoliceBoroughs[principal] = borough;
        }

        return seeded;
    }

    public HttpClient ClientFor(string principal)
    {
        var client = new HttpClient { BaseAddress = Server.Api.BaseAddress };
        if (Secrets.GetValueOrDefault(principal) is { } secret)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        return client;
    }

    /// <summary>A client for a new police account of <paramref name="boroughCode"/> only.</summary>
    public Task<HttpClient> NewPoliceClientAsync(string username, string boroughCode) => NewClientAsync(new NewUser(username, Role.Police, [boroughCode], []));

    /// <summary>A client for a new account, made directly in the store (no approval asked).</summary>
    public async Task<HttpClient> NewClientAsync(NewUser user)
    {
        await Accounts.CreateAsync(user, Password);
        var (_, secret) = await Accounts.CreateTokenAsync(user.Username, "tests", TimeSpan.FromDays(1));
        var client = new HttpClient { BaseAddress = Server.Api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>
    /// Enrols someone (family name <paramref name="familyName"/>) whose licence began yesterday, in a scheme that opened
    /// a month ago, so a tag can be fitted to them from now; fails the test with the scheme's refusals if it cannot.
    /// </summary>
    public async Task<Core.Offenders.Offender> EnrolMonitoredTodayAsync(string familyName)
    {
        var services = Server.Services;
        var today = NodaTime.Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()).InUtc().Date;
        await services.OffenderStore.SaveSchemeAsync(await services.OffenderStore.GetSchemeAsync() with { StartDate = today.PlusMonths(-1) });
        var enrolled = await services.Offenders.EnrolAsync(new Core.Scheme.EnrolmentRequest
        {
            Person = new Core.Offenders.PersonalDetails("Jo", familyName, new NodaTime.LocalDate(1990, 1, 1)),
            IndexOffences = [Core.Offenders.IndexOffence.Robbery],
            CustodialSentenceServed = true,
            GpsLicenceCondition = true,
            LicenceStart = today.PlusDays(-1),
            LicenceEnd = today.PlusMonths(6),
            ReleaseAddress = new Core.Geo.GeoPoint(51.4500, -0.1000),
            RiskTier = Core.Offenders.RiskTier.High,
        });
        Assert.True(enrolled.Offender is not null, string.Join("; ", enrolled.Decision.Refusals.Select(r => r.Reason)));
        return enrolled.Offender!;
    }

    /// <summary>The seeded database, built once per test run and copied for every server: seeding (a simulated pilot,
    /// its correlation, eleven hashed passwords) costs far more than starting a server.</summary>
    private static readonly Lazy<Task<SeededTemplate>> Template = new(SeedTemplateAsync);

    // DatabasePath: the seeded SQLite file, or the name of the seeded PostgreSQL database.
    private sealed record SeededTemplate(
        string DatabasePath, PilotSimulation Pilot, string CaseloadReference, StoredMatch DisclosedMatch, StoredMatch? NewMatch,
        Dictionary<string, string?> Secrets, Dictionary<string, string> PoliceBoroughs);

    private static async Task<SeededTemplate> SeedTemplateAsync()
    {
        string directory = RunningServer.NewDirectory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(directory);
        TestPostgresDatabase? postgres = null;
        TagwatchServices services;
        if (TestStore.Default == StoreKind.Postgres)
        {
            postgres = await TestPostgresDatabase.CreateAsync(await TestStore.MigratedTemplateAsync());
            AppDomain.CurrentDomain.ProcessExit += (_, _) => postgres.DropAtExit();
            services = new TagwatchServices(await PostgresDatabase.OpenAsync(postgres.ConnectionString, Path.Combine(directory, "node")), TimeProvider.System);
        }
        else
        {
            services = await TagwatchServices.OpenAsync(Path.Combine(directory, "tagwatch.db"), TimeProvider.System);
        }

        var pilot = PilotSimulation.Create(new SimulationOptions { Tags = 6, Days = 4, Seed = 3, PlantedPerTagPerWeek = 7 });
        await new SimulationLoader(services.Offenders, services.OffenderStore, services.Tags, services.Fixes, services.Ingest, services.CrimeImporter, services.Quality).LoadAsync(pilot);
        await services.ScoredCorrelation.RunAsync(new ScoringParameters(), allTags: false, "automatic", "test");
        var matches = await services.Matches.ListMatchesAsync();
        var significant = matches.Where(m => m.Significant && m.BoroughCode is not null).ToList();
        var chosen = significant.First();
        var offenders = (await services.Offenders.ListAsync()).Select(o => o.Reference.ToString()).ToList();

        var accounts = services.Accounts;
        var secrets = new Dictionary<string, string?>();
        async Task AddAsync(string principal, NewUser user)
        {
            await accounts.CreateAsync(user, Password);
            var (_, secret) = await accounts.CreateTokenAsync(user.Username, "tests", TimeSpan.FromDays(1));
            secrets[principal] = secret;
        }

        string otherBorough = chosen.BoroughCode == "E09000022" ? "E09000028" : "E09000022";
        await AddAsync("admin", new NewUser(Usernames["admin"], Role.Administrator, [], []));
        await AddAsync("monitoring", new NewUser(Usernames["monitoring"], Role.MonitoringOfficer, [], []));
        await AddAsync("probation", new NewUser(Usernames["probation"], Role.ProbationOfficer, [], [offenders[0]]));
        await AddAsync("probation-other", new NewUser(Usernames["probation-other"], Role.ProbationOfficer, [], [offenders[1]]));
        await AddAsync("police", new NewUser(Usernames["police"], Role.Police, [chosen.BoroughCode!], []));
        await AddAsync("police-other", new NewUser(Usernames["police-other"], Role.Police, [otherBorough], []));
        await AddAsync("reviewer", new NewUser(Usernames["reviewer"], Role.MatchReviewer, [], []));
        await AddAsync("evaluator", new NewUser(Usernames["evaluator"], Role.Evaluator, [], []));
        await AddAsync("auditor", new NewUser(Usernames["auditor"], Role.Auditor, [], []));
        await accounts.CreateAsync(new NewUser("target.user", Role.ProbationOfficer, [], []), Password);
        var (_, deviceSecret) = await services.Credentials.CreateAsync(null, "gateway");
        secrets["device"] = deviceSecret;
        secrets["anonymous"] = null;

        var at = NodaTime.Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        await services.Matches.ReviewAsync(chosen.Id, new MatchReviewStep("rae.reviewer", "MatchReviewer", MatchState.Qualified, null, "close pass at the time of the robbery"), at);
        await services.Matches.ReviewAsync(chosen.Id, new MatchReviewStep("rae.reviewer", "MatchReviewer", MatchState.Disclosed, null, "investigation of the robbery", "police"), at);
        var disclosed = (await services.Matches.GetMatchAsync(chosen.Id))!.Match;

        // Everything into the database file, so a copy of that one file is the whole seeded state; on PostgreSQL every
        // connection to the template closed, so CREATE DATABASE … TEMPLATE can copy it.
        string template;
        if (services.Database is PostgresDatabase seeded)
        {
            await seeded.DisposeAsync();
            Npgsql.NpgsqlConnection.ClearAllPools();
            template = postgres!.Name;
        }
        else
        {
            await services.Sqlite.CheckpointAsync();
            template = services.Sqlite.Path;
        }

        return new SeededTemplate(
            template, pilot, offenders[0], disclosed, significant.Skip(1).FirstOrDefault(m => m.State == "new"), secrets,
            new Dictionary<string, string> { ["police"] = chosen.BoroughCode!, ["police-other"] = otherBorough });
    }

    private static void TryDelete(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS
        }
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
