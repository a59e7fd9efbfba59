using System.Net;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Server.Tests;

namespace Tagwatch.Web.Tests;

/// <summary>
/// Opens every page of the web application as every kind of caller and checks exactly who gets the page. A page missing
/// from <see cref="Allowed"/> fails the test, so no new page escapes the access policy; the API's own matrix is
/// <c>AuthorizationMatrixTests</c> in the server tests, and a page shows what its endpoint shows to the same callers.
/// </summary>
public sealed class PageAuthorizationMatrixTests : IAsyncLifetime
{
    private const string Everyone = "admin monitoring probation probation-other police police-other reviewer evaluator auditor";

    /// <summary>Who gets each page (by route template, with its sample values below); everyone else is refused.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        [""] = Everyone,
        ["sign-in"] = "anonymous device " + Everyone,
        ["sign-in/password"] = Everyone,
        ["sign-out"] = "anonymous device " + Everyone,
        ["error/{code:int}"] = "anonymous device " + Everyone,
        ["people"] = "monitoring probation probation-other",
        // The person is on "probation"'s caseload only.
        ["people/{reference}"] = "monitoring probation",
        ["people/{reference}/trail"] = "monitoring probation",
        ["people/new"] = "probation probation-other",
        ["monitoring"] = "monitoring probation probation-other",
        // The alert (raised at start) is of a tag nobody wears: no probation officer's caseload holds it.
        ["alerts/{id:long}"] = "monitoring",
        ["matches"] = "police police-other reviewer",
        // The match is disclosed to "police"'s borough.
        ["matches/{id:long}"] = "police reviewer",
        ["near"] = "probation probation-other police police-other",
        // Police see their own boroughs' crimes; the hub (match reviewers) all.
        ["crimes"] = "police police-other reviewer",
        ["crimes/upload"] = "police police-other reviewer",
        ["crimes/trend"] = "police police-other reviewer",
        ["admin"] = "admin",
        ["admin/users"] = "admin",
        ["admin/users/new"] = "admin",
        ["admin/approvals"] = "admin",
        ["admin/users/{username}"] = "admin",
        ["admin/retention"] = "admin",
        ["admin/scheme"] = "admin",
        ["audit"] = "auditor",
        ["devices"] = "admin",
        ["devices/credentials"] = "admin",
        ["evaluation"] = "evaluator",
        ["account/tokens"] = Everyone,
        ["account/second-factor"] = Everyone,
        ["notifications"] = "admin monitoring probation probation-other",
    };

    private SeededApi _seeded = null!;

    private long _alertId;

    public async ValueTask InitializeAsync()
    {
        _seeded = await SeededApi.StartAsync();
        // An alert of a tag that nobody wears: the monitoring centre sees it, no probation officer does.
        var now = NodaTime.Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        _alertId = (await _seeded.Server.Services.Alerts.RaiseAsync(new Alert(0, AlertKind.Sos, AlertKind.Sos.Severity, AlertState.Open,
            TagId.Parse(RunningServer.Gt06Imei), null, null, now, null, now, "device reported sos", "{}", 0), "raised")).Id;
    }

    public async ValueTask DisposeAsync() => await _seeded.DisposeAsync();

    /// <summary>The address a route template is opened at: its parameters filled with seeded subjects.</summary>
    private string AddressOf(string template) => "/" + template
        .Replace("{code:int}", "404", StringComparison.Ordinal)
        .Replace("{reference}", _seeded.CaseloadReference, StringComparison.Ordinal)
        .Replace("{username}", SeededApi.Usernames["police"], StringComparison.Ordinal)
        .Replace("alerts/{id:long}", $"alerts/{_alertId}", StringComparison.Ordinal)
        .Replace("{id:long}", _seeded.DisclosedMatch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    [Fact]
    public async Task Every_page_opens_for_exactly_the_callers_allowed_to_see_it()
    {
        var pages = _seeded.Server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText!.Trim('/'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(pages);
        var undeclared = pages.Where(p => !Allowed.ContainsKey(p)).ToList();
        Assert.True(undeclared.Count == 0, "Pages missing from the matrix (add who may open them): " + string.Join(", ", undeclared));

        var wrong = new List<string>();
        foreach (string page in pages)
        {
            var allowed = Allowed[page].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            foreach (string principal in SeededApi.Principals)
            {
                using var client = Client(principal);
                using var response = await client.GetAsync(AddressOf(page));
                bool opened = response.StatusCode == HttpStatusCode.OK;
                if (opened != allowed.Contains(principal))
                {
                    wrong.Add($"{principal} {(opened ? "opened" : $"was refused ({(int)response.StatusCode})")} /{page}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>A caller's client that does not follow redirects (a page that sends the browser to sign in is a refusal).</summary>
    private HttpClient Client(string principal)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _seeded.Server.Api.BaseAddress };
        if (_seeded.Secrets.GetValueOrDefault(principal) is { } secret)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        }

        return client;
    }
}
