using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web;

/// <summary>The header's links: each shown only to roles holding the permission its pages require.</summary>
internal static class Navigation
{
    public sealed record Item(string Text, string Href, Permission? Requires);

    /// <summary>In the order they appear. A page's own access rule still applies; this only hides what would be refused.</summary>
    public static readonly Item[] Items =
    [
        new("Home", "/", null),
        new("People", "/people", Permission.ViewOffenderRecords),
        new("Monitoring", "/monitoring", Permission.ViewAlerts),
        new("Matches", "/matches", Permission.ReviewMatches),
        new("Matches", "/matches", Permission.ReceiveMatches),
        new("Near search", "/near", Permission.SearchNear),
        new("Crimes", "/crimes", Permission.ManageCrimes),
        new("Administration", "/admin", Permission.ManageUsers),
        new("Devices", "/devices", Permission.ManageTags),
        new("Audit", "/audit", Permission.ReadAudit),
        new("Evaluation", "/evaluation", Permission.ViewReports),
        new("Notifications", "/notifications", Permission.ReceiveCaseloadAlerts),
        new("Notifications", "/notifications", Permission.ViewNotifications),
        new("Your account", "/account/tokens", null),
    ];

    public static IEnumerable<Item> For(Role role) => Items.Where(i => i.Requires is null || AccessPolicy.Allows(role, i.Requires.Value));

    /// <summary>Whether the link is the current section (its path, or a page under it).</summary>
    public static bool IsCurrent(Item item, string path) =>
        item.Href == "/" ? path == "/" : path.StartsWith(item.Href, StringComparison.OrdinalIgnoreCase);
}
