using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Notifications;
using Tagwatch.Server.Workers;

namespace Tagwatch.Server.Notifications;

/// <summary>Alert notifications in the server: the options from <c>Tagwatch:Notifications</c>, the SMTP sender and the worker.</summary>
internal static class NotificationsSetup
{
    /// <summary>Reads and checks the options, and registers the sender and <see cref="NotificationWorker"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names every key at fault.</exception>
    public static IServiceCollection AddTagwatchNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Read(configuration);
        services.AddSingleton(options);
        services.AddSingleton<INotificationSender>(new SmtpNotificationSender(options));
        services.AddHostedService<NotificationWorker>();
        return services;
    }

    /// <summary>The options bound from <see cref="NotificationOptions.Section"/> and validated.</summary>
    /// <exception cref="ArgumentException">A value cannot be read, or the options break a rule; the message names every key at fault.</exception>
    public static NotificationOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(NotificationOptions.Section);
        NotificationOptions options;
        try
        {
            options = section.Get<NotificationOptions>() ?? new NotificationOptions();
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key in its message ("Failed to convert configuration value at 'Tagwatch:Notifications:SmtpPort'…").
            throw new ArgumentException($"Notification settings ({NotificationOptions.Section}) cannot be read: {ex.Message}"
                + (ex.InnerException is { } inner ? $" ({inner.Message})" : ""), nameof(configuration), ex);
        }

        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Notification settings are invalid:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}"),
                nameof(configuration));
        }

        return options;
    }
}
