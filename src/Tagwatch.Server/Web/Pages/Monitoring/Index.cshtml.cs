using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Access;
using Tagwatch.Core.Boroughs;

namespace Tagwatch.Server.Web.Pages.Monitoring;

/// <summary>
/// The monitoring centre: the live map of worn tags (for roles that may see live positions) and the alerts queue, most
/// severe first and oldest first within a severity, narrowed by the GET filter form. The queue's rows are also served
/// alone (<c>?handler=Queue</c>, same filters) so the page can refresh them when the alert stream reports a change.
/// </summary>
[Authorize(Policy = nameof(Permission.ViewAlerts))]
[Tags("Monitoring")]
internal sealed class IndexModel(ListAlerts listAlerts, MonitoringOptions monitoring, BoroughMap boroughs) : WebPageModel
{
    /// <summary>The state filter's default: what still needs the centre.</summary>
    public const string Unhandled = "unhandled";

    [BindProperty(SupportsGet = true)]
    public AlertFilter Filter { get; set; } = new();

    public IReadOnlyList<SeenAlert> Alerts { get; private set; } = [];

    /// <summary>Tags with a breach still open or acknowledged among the listed alerts: marked "in breach" on the map.</summary>
    public IReadOnlyList<string> BreachTags { get; private set; } = [];

    public Actor Actor { get; private set; } = null!;

    public bool ShowsMap => AccessPolicy.Allows(Actor.Role, Permission.ViewLivePositions);

    /// <summary>After how long without contact a tag is "silent" (the monitor's no-contact threshold), in seconds.</summary>
    public long SilentAfterSeconds => (long)monitoring.NoContactAfter.TotalSeconds;

    public IEnumerable<Borough> Boroughs => boroughs.All.OrderBy(b => b.Name, StringComparer.Ordinal);

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => LoadAsync(Page, cancellationToken);

    /// <summary>Only the queue (a table), for the page's live refresh.</summary>
    public Task<IActionResult> OnGetQueueAsync(CancellationToken cancellationToken) => LoadAsync(() => Partial("_AlertQueue", this), cancellationToken);

    private async Task<IActionResult> LoadAsync(Func<IActionResult> show, CancellationToken cancellationToken)
    {
        Actor = await ActorAsync();
        if (!Filter.TryRead(ModelState, out var request))
        {
            return show();
        }

        var result = await listAlerts.ExecuteAsync(Actor, request, cancellationToken);
        if (!result.Succeeded)
        {
            return Failed(result.Failure, show, nameof(Filter));
        }

        Alerts = [.. result.Value.Alerts.OrderByDescending(a => a.Alert.Severity).ThenBy(a => a.Alert.Raised).ThenBy(a => a.Alert.Id)];
        BreachTags = [.. Alerts.Where(a => a.Alert.Type.IsBreach && AlertText.Unhandled(a.Alert.State)).Select(a => a.Alert.Tag.Value).Distinct()];
        return show();
    }
}
