using Microsoft.AspNetCore.Mvc;
using Tagwatch.Application.Notifications;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web.Pages.Notifications;

/// <summary>
/// Alert notifications by e-mail: the rule in force; a probation officer opts in (or out) to their caseload's alerts;
/// the monitoring centre and administrators read the record of notices sent. Who may do which is the use cases' rule.
/// </summary>
internal sealed class IndexModel(ShowNotificationSettings show, SubscribeToCaseloadAlerts subscribe, UnsubscribeFromCaseloadAlerts unsubscribe, ListNotifications list) : WebPageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public NotificationSettings Settings { get; private set; } = null!;

    public bool MayOptIn { get; private set; }

    public IReadOnlyList<Notification>? Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostSubscribeAsync(CancellationToken cancellationToken)
    {
        var result = await subscribe.ExecuteAsync(await ActorAsync(), new SubscribeToCaseloadAlertsRequest(Email), cancellationToken);
        if (!result.Succeeded)
        {
            return await FailedAsync(result.Failure with { Field = result.Failure.Field is null ? null : "Email" }, () => ShowAsync(cancellationToken));
        }

        TempData["Notice"] = $"Your caseload's alerts will be e-mailed to {result.Value.Email}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(CancellationToken cancellationToken)
    {
        var result = await unsubscribe.ExecuteAsync(await ActorAsync(), new UnsubscribeFromCaseloadAlertsRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            return await FailedAsync(result.Failure, () => ShowAsync(cancellationToken));
        }

        TempData["Notice"] = "You will no longer be e-mailed your caseload's alerts.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var actor = await ActorAsync();
        var settings = await show.ExecuteAsync(actor, new ShowNotificationSettingsRequest(), cancellationToken);
        if (!settings.Succeeded)
        {
            return Refused(settings.Failure);
        }

        Settings = settings.Value;
        MayOptIn = AccessPolicy.Allows(actor.Role, Permission.ReceiveCaseloadAlerts);
        Email ??= Settings.Subscription?.Email;
        if (AccessPolicy.Allows(actor.Role, Permission.ViewNotifications))
        {
            var sent = await list.ExecuteAsync(actor, new ListNotificationsRequest(200), cancellationToken);
            Sent = sent.Succeeded ? sent.Value.Notifications : [];
        }

        return Page();
    }
}
