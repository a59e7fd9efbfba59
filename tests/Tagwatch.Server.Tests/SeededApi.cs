using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Correlation;
using Tagwatch.Core.Access;
using Tagwatch.Core.Matches;
using Tagwatch.Correlation.Scored;
using Tagwatch.Simulation;
using Tagwatch.Storage.Accounts;

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

    /// <summary>The person on "probation"'s caseload (not on "probation-other"'s).</summary>
    public string CaseloadReference { get; private set; } = "";

    /// <summary>A significant match, disclosed to the police of "police"'s borough.</summary>
    public StoredMatch DisclosedMatch { get; private set; } = null!;

    /// <summary>A significant match still new (for review tests).</summary>
    public StoredMatch? NewMatch { get; private set; }

    public PilotSimulation Pilot { get; private set; } = null!;

    /// <summary>The borough codes of "police" and "police-other".</summary>
    public Dictionary<string, string> PoliceBoroughs { get; } = [];

    /// <summary>A point well inside the borough of a police principal, for trails and searches its scope allows.</summary>
    public (double Latitude, double Longitude) CentreOf(string policePrincipal)
    {
        var borough = Core.Boroughs.BoroughMap.London.Find(PoliceBoroughs[policePrincipal])!;
        var inside = Core.Boroughs.BoroughMap.London.Boundary(borough).InteriorPoint;
        return (inside.Y, inside.X);
    }

    public UserAccounts Accounts { get; private set; } = null!;

    /// <param name="configure">Server options to change.</param>
    /// <param name="configuration">Configuration as command-line arguments (<c>--Tagwatch:Accounts:RequireSecondApproval=false</c>).</param>
    public static async Task<SeededApi> StartAsync(Func<ServerOptions, ServerOptions>? configure = null, string[]? configuration = null)
    {
        var server = await RunningServer.StartAsync(o => configure?.Invoke(o with { SignInAttemptsPerMinute = 1000 }) ?? o with { SignInAttemptsPerMinute = 1000 }, configuration: configuration);
        var seeded = new SeededApi(server);
        await seeded.SeedAsync();
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

    private async Task SeedAsync()
    {
        var services = Server.Services;
        Pilot = PilotSimulation.Create(new SimulationOptions { Tags = 6, Days = 4, Seed = 3, PlantedPerTagPerWeek = 7 });
        await new SimulationLoader(services.Offenders, services.OffenderStore, services.Tags, services.Fixes, services.CrimeImporter, services.Quality).LoadAsync(Pilot);
        await services.ScoredCorrelation.RunAsync(new ScoringParameters(), allTags: false, "automatic", "test");
        var matches = await services.Matches.ListMatchesAsync();
        var significant = matches.Where(m => m.Significant && m.BoroughCode is not null).ToList();
        var chosen = significant.First();
        var offenders = (await services.Offenders.ListAsync()).Select(o => o.Reference.ToString()).ToList();
        CaseloadReference = offenders[0];

        Accounts = Server.App.Services.GetRequiredService<UserAccounts>();
        string otherBorough = chosen.BoroughCode == "E09000022" ? "E09000028" : "E09000022";
        await AddAsync("admin", new NewUser("ada.admin", Role.Administrator, [], []));
        await AddAsync("monitoring", new NewUser("mo.centre", Role.MonitoringOfficer, [], []));
        await AddAsync("probation", new NewUser("pat.probation", Role.ProbationOfficer, [], [CaseloadReference]));
        await AddAsync("probation-other", new NewUser("pip.probation", Role.ProbationOfficer, [], [offenders[1]]));
        PoliceBoroughs["police"] = chosen.BoroughCode!;
        PoliceBoroughs["police-other"] = otherBorough;
        await AddAsync("police", new NewUser("sam.police", Role.Police, [chosen.BoroughCode!], []));
        await AddAsync("police-other", new NewUser("sid.police", Role.Police, [otherBorough], []));
        await AddAsync("reviewer", new NewUser("rae.reviewer", Role.MatchReviewer, [], []));
        await AddAsync("evaluator", new NewUser("eve.evaluator", Role.Evaluator, [], []));
        await AddAsync("auditor", new NewUser("aud.auditor", Role.Auditor, [], []));
        await Accounts.CreateAsync(new NewUser("target.user", Role.ProbationOfficer, [], []), Password);
        var (_, deviceSecret) = await services.Credentials.CreateAsync(null, "gateway");
        Secrets["device"] = deviceSecret;
        Secrets["anonymous"] = null;

        var at = NodaTime.Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        await services.Matches.ReviewAsync(chosen.Id, new MatchReviewStep("rae.reviewer", "MatchReviewer", MatchState.Qualified, null, "close pass at the time of the robbery"), at);
        await services.Matches.ReviewAsync(chosen.Id, new MatchReviewStep("rae.reviewer", "MatchReviewer", MatchState.Disclosed, null, "investigation of the robbery", "police"), at);
        DisclosedMatch = (await services.Matches.GetMatchAsync(chosen.Id))!.Match;
        NewMatch = significant.Skip(1).FirstOrDefault(m => m.State == "new");
    }

    private async Task AddAsync(string principal, NewUser user)
    {
        await Accounts.CreateAsync(user, Password);
        var (_, secret) = await Accounts.CreateTokenAsync(user.Username, "tests", TimeSpan.FromDays(1));
        Secrets[principal] = secret;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
