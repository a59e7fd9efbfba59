using Tagwatch.Application.Audit;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.Disclosure;
using Tagwatch.Application.Matches;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Tests.Matches;

/// <summary>The match use cases on matches held in memory, writing to the core's real audit log.</summary>
internal sealed class MatchesFixture : IAsyncDisposable
{
    public const string Lambeth = "E09000022";
    public const string Southwark = "E09000028";

    private readonly UseCaseHost _host;

    private MatchesFixture(UseCaseHost host)
    {
        _host = host;
        Audit = host.Get<IAuditLog>();
        var review = new MatchReview(Store, Audit, host.Clock);
        Visibility = new MatchVisibility(Store);
        List = new ListMatches(Store, Audit);
        Crimes = host.Get<ICrimeStore>();
        Show = new ShowMatch(Store, Crimes, Visibility, Audit);
        Qualify = new QualifyMatch(Store, review);
        Disclose = new DiscloseMatch(Store, review);
        Outcome = new RecordOutcome(Visibility, review);
        Pack = new GetDisclosurePack(Visibility, host.Get<DisclosurePackBuilder>(), Audit, host.Clock);
    }

    public InMemoryMatches Store { get; } = new();

    public IAuditLog Audit { get; }

    public ICrimeStore Crimes { get; }

    public MatchVisibility Visibility { get; }

    public ListMatches List { get; }

    public ShowMatch Show { get; }

    public QualifyMatch Qualify { get; }

    public DiscloseMatch Disclose { get; }

    public RecordOutcome Outcome { get; }

    public GetDisclosurePack Pack { get; }

    public static Actor Reviewer { get; } = Actor.Unscoped("rae.reviewer", Role.MatchReviewer);

    public static Actor PoliceOf(string borough) => new($"police.{borough}", Role.Police, new HashSet<string> { borough }, new HashSet<string>());

    public static async Task<MatchesFixture> StartAsync() => new(await UseCaseHost.StartAsync());

    public async Task<IReadOnlyList<AuditEvent>> AuditedAsync(string action) =>
        (await Audit.SearchAsync(new AuditQuery(Action: action))).Select(e => e.Event).ToList();

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
