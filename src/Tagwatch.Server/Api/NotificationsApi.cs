using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Application.Notifications;
using Tagwatch.Core.Access;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>Alert notifications by e-mail: the record of notices (monitoring centre, administrators), and a probation
/// officer's opt-in to their caseload's alerts.</summary>
internal static class NotificationsApi
{
    public static void MapNotificationsApi(this IEndpointRouteBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("/", ListAsync).RequireAuthorization(nameof(Permission.ViewNotifications)).WithName("ListNotifications");
        // Probation (their own opt-in) and the readers of the record; the use case refuses everyone else.
        notifications.MapGet("/settings", SettingsAsync).RequireAuthorization().WithName("GetNotificationSettings");
        notifications.MapPut("/subscription", SubscribeAsync).RequireAuthorization(nameof(Permission.ReceiveCaseloadAlerts)).WithName("SubscribeToCaseloadAlerts");
        notifications.MapDelete("/subscription", UnsubscribeAsync).RequireAuthorization(nameof(Permission.ReceiveCaseloadAlerts)).WithName("UnsubscribeFromCaseloadAlerts");
    }

    private static async Task<Results<Ok<IReadOnlyList<NotificationResponse>>, ProblemHttpResult>> ListAsync(HttpContext http, ListNotifications list, int? limit)
    {
        var result = await list.ExecuteAsync(await http.RequiredActorAsync(), new ListNotificationsRequest(limit), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok<IReadOnlyList<NotificationResponse>>([.. result.Value.Notifications.Select(NotificationResponse.Of)])
            : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Ok<NotificationSettingsResponse>, ProblemHttpResult>> SettingsAsync(HttpContext http, ShowNotificationSettings show)
    {
        var result = await show.ExecuteAsync(await http.RequiredActorAsync(), new ShowNotificationSettingsRequest(), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(NotificationSettingsResponse.Of(result.Value)) : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Ok<CaseloadSubscriptionResponse>, ProblemHttpResult>> SubscribeAsync(SubscriptionRequest body, HttpContext http, SubscribeToCaseloadAlerts subscribe)
    {
        var result = await subscribe.ExecuteAsync(await http.RequiredActorAsync(), new SubscribeToCaseloadAlertsRequest(body.Email), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(CaseloadSubscriptionResponse.Of(result.Value)) : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnsubscribeAsync(HttpContext http, UnsubscribeFromCaseloadAlerts unsubscribe)
    {
        var result = await unsubscribe.ExecuteAsync(await http.RequiredActorAsync(), new UnsubscribeFromCaseloadAlertsRequest(), http.RequestAborted);
        return result.Succeeded ? TypedResults.NoContent() : UseCaseAnswers.Problem(result.Failure);
    }
}
