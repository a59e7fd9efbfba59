using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tagwatch.Application.Notifications;

/// <summary>The notification use cases' registration.</summary>
public static class NotificationsUseCases
{
    /// <summary>Registers <see cref="AlertEscalation"/>, <see cref="SubscribeToCaseloadAlerts"/>, <see cref="UnsubscribeFromCaseloadAlerts"/>,
    /// <see cref="ShowNotificationSettings"/> and <see cref="ListNotifications"/>; unless a host registered them first, the
    /// options (notifications off) and a sender that refuses (no mail server composed).</summary>
    public static IServiceCollection AddNotificationsUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton(new NotificationOptions());
        services.TryAddSingleton<INotificationSender, UnconfiguredNotificationSender>();
        services.TryAddSingleton<AlertEscalation>();
        services.TryAddSingleton<SubscribeToCaseloadAlerts>();
        services.TryAddSingleton<UnsubscribeFromCaseloadAlerts>();
        services.TryAddSingleton<ShowNotificationSettings>();
        services.TryAddSingleton<ListNotifications>();
        return services;
    }
}
