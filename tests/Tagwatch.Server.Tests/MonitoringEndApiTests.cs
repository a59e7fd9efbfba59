using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Core.Tags;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Server.Tests;

/// <summary>After monitoring ends, the tag is no one's: not among the live positions, and its later fixes are not in
/// the person's trail or its exports (they stay in the store as device data).</summary>
public sealed class MonitoringEndApiTests : IAsyncLifetime
{
    private static readonly DateTimeZone UkTime = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly TagId Tag = TagId.Parse("359881030000077");
    private static readonly GeoPoint Home = new(51.4500, -0.1000);
    private RunningServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Ended_persons_tag_is_not_live_and_its_later_fixes_are_neither_in_their_trail_nor_exported()
    {
        var now = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        var today = now.InZone(UkTime).Date;
        var person = await EnrolAndFitAsync(today);
        await _server.Services.Offenders.EndAsync(person.Reference, "licence revoked", lastDay: today.PlusDays(-1));
        var endedAt = UkTime.AtStartOfDay(today).ToInstant();
        var during = endedAt - Duration.FromHours(1);
        var after = Instant.Min(now, endedAt + Duration.FromSeconds(1));
        await _server.Services.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>>
        {
            [Tag] = [Fix.Create(during, during, Home, 5), Fix.Create(after, after, Home, 5)],
        });
        using var monitoring = await ClientAsync(new NewUser("mo.centre", Role.MonitoringOfficer, [], []));
        using var probation = await ClientAsync(new NewUser("pat.probation", Role.ProbationOfficer, [], [person.Reference.ToString()]));
        string window = $"from={during - Duration.FromHours(1)}&to={now + Duration.FromMinutes(1)}";

        using var live = JsonDocument.Parse(await monitoring.GetStringAsync(new Uri("/api/v1/positions/live", UriKind.Relative)));
        using var trail = JsonDocument.Parse(await probation.GetStringAsync(new Uri($"/api/v1/offenders/{person.Reference}/trail?{window}", UriKind.Relative)));
        string csv = await probation.GetStringAsync(new Uri($"/api/v1/offenders/{person.Reference}/trail?{window}&format=csv", UriKind.Relative));

        Assert.DoesNotContain(live.RootElement.EnumerateArray(), p => p.GetProperty("tag").GetString() == Tag.Value);
        var fix = Assert.Single(trail.RootElement.GetProperty("fixes").EnumerateArray());
        Assert.Equal(during.ToString(), fix.GetProperty("time").GetString());
        Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // header and the one fix while monitored
        Assert.Equal(2, (await _server.Services.Fixes.ReadAsync(Tag, during, now + Duration.FromMinutes(1))).Count); // kept as device data
    }

    private async Task<Offender> EnrolAndFitAsync(LocalDate today)
    {
        var scheme = await _server.Services.OffenderStore.GetSchemeAsync();
        await _server.Services.OffenderStore.SaveSchemeAsync(scheme with { StartDate = today.PlusMonths(-1) });
        var enrolled = await _server.Services.Offenders.EnrolAsync(new EnrolmentRequest
        {
            Person = new PersonalDetails("Sam", "Example", new LocalDate(1995, 1, 1)),
            IndexOffences = [IndexOffence.Robbery],
            CustodialSentenceServed = true,
            GpsLicenceCondition = true,
            LicenceStart = today.PlusDays(-3),
            LicenceEnd = today.PlusMonths(6),
            ReleaseAddress = Home,
            RiskTier = RiskTier.High,
        });
        Assert.True(enrolled.Offender is not null, string.Join("; ", enrolled.Decision.Refusals.Select(r => r.Reason)));
        await _server.Services.Tags.RegisterAsync([new Tag(Tag, "gt06", null)]);
        await _server.Services.Tags.AssignAsync(Tag, enrolled.Offender!.Id, UkTime.AtStartOfDay(today.PlusDays(-3)).ToInstant());
        return enrolled.Offender;
    }

    private async Task<HttpClient> ClientAsync(NewUser user)
    {
        var accounts = _server.App.Services.GetRequiredService<UserAccounts>();
        await accounts.CreateAsync(user, "correct horse battery staple");
        var (_, secret) = await accounts.CreateTokenAsync(user.Username, "tests", TimeSpan.FromDays(1));
        var client = new HttpClient { BaseAddress = _server.Api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
