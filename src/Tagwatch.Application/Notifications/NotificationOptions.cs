using Tagwatch.Core.Alerts;

namespace Tagwatch.Application.Notifications;

/// <summary>
/// Alert notifications by e-mail (configuration section <c>Tagwatch:Notifications</c>): which alerts, after how long,
/// to whom, and through which SMTP server. Off unless <see cref="Enabled"/>.
/// </summary>
/// <remarks>Times are whole minutes since the alert was raised; <see cref="EscalateAfterMinutes"/> must come after
/// <see cref="NotifyAfterMinutes"/>.</remarks>
public sealed record NotificationOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string Section = "Tagwatch:Notifications";

    /// <summary>Whether notifications are sent at all (off by default).</summary>
    public bool Enabled { get; init; }

    /// <summary>The SMTP server's host name or address.</summary>
    public string SmtpHost { get; init; } = "";

    /// <summary>The SMTP server's port (587 for STARTTLS, 465 for TLS, 25 for plain).</summary>
    public int SmtpPort { get; init; } = 587;

    /// <summary>How the connection to the SMTP server is protected.</summary>
    public SmtpSecurity Security { get; init; } = SmtpSecurity.StartTls;

    /// <summary>The SMTP account, when the server asks for one.</summary>
    public string? Username { get; init; }

    /// <summary>The SMTP account's password.</summary>
    public string? Password { get; init; }

    /// <summary>The sender address of every notification.</summary>
    public string From { get; init; } = "";

    /// <summary>The on-call monitoring officer's address: the first notice of an alert left unacknowledged.</summary>
    public string OnCallAddress { get; init; } = "";

    /// <summary>Where an alert still unacknowledged after <see cref="EscalateAfterMinutes"/> is escalated.</summary>
    public string EscalationAddress { get; init; } = "";

    /// <summary>The least severe alert that is notified.</summary>
    public AlertSeverity MinimumSeverity { get; init; } = AlertSeverity.Critical;

    /// <summary>Minutes an alert may stay unacknowledged before the on-call officer (and opted-in responsible officers) are told.</summary>
    public int NotifyAfterMinutes { get; init; } = 10;

    /// <summary>Minutes an alert may stay unacknowledged before it is escalated.</summary>
    public int EscalateAfterMinutes { get; init; } = 30;

    /// <summary>How often unacknowledged alerts are checked (and failed sends retried), in seconds.</summary>
    public int CheckEverySeconds { get; init; } = 60;

    /// <summary>The address the server is reached at, for the link to an alert's page in a notification.</summary>
    public Uri PublicBaseUrl { get; init; } = new("http://127.0.0.1:5000");

    /// <summary>Every problem with the options, each naming its configuration key; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Problem(string key, string message) => problems.Add($"{Section}:{key}: {message}");
        if (!Enum.IsDefined(MinimumSeverity))
        {
            Problem(nameof(MinimumSeverity), $"'{MinimumSeverity}' is not one of {string.Join(", ", Enum.GetNames<AlertSeverity>())}");
        }

        if (!Enum.IsDefined(Security))
        {
            Problem(nameof(Security), $"'{Security}' is not one of {string.Join(", ", Enum.GetNames<SmtpSecurity>())}");
        }

        if (!PublicBaseUrl.IsAbsoluteUri || PublicBaseUrl.Scheme is not ("http" or "https"))
        {
            Problem(nameof(PublicBaseUrl), $"'{PublicBaseUrl}' must be an absolute http or https address");
        }

        if (CheckEverySeconds is < 1 or > 86_400)
        {
            Problem(nameof(CheckEverySeconds), $"{CheckEverySeconds} must be between 1 and 86400");
        }

        if (NotifyAfterMinutes is < 0 or > 10_080)
        {
            Problem(nameof(NotifyAfterMinutes), $"{NotifyAfterMinutes} must be between 0 and 10080 (a week)");
        }

        if (EscalateAfterMinutes <= NotifyAfterMinutes || EscalateAfterMinutes > 10_080)
        {
            Problem(nameof(EscalateAfterMinutes), $"{EscalateAfterMinutes} must be after NotifyAfterMinutes ({NotifyAfterMinutes}) and at most 10080 (a week)");
        }

        if (!Enabled)
        {
            return problems;
        }

        if (string.IsNullOrWhiteSpace(SmtpHost))
        {
            Problem(nameof(SmtpHost), "is required when notifications are enabled");
        }

        if (SmtpPort is < 1 or > 65_535)
        {
            Problem(nameof(SmtpPort), $"{SmtpPort} is not a port (1 to 65535)");
        }

        foreach (var (key, value) in new[] { (nameof(From), From), (nameof(OnCallAddress), OnCallAddress), (nameof(EscalationAddress), EscalationAddress) })
        {
            if (!EmailAddress.IsValid(value))
            {
                Problem(key, string.IsNullOrWhiteSpace(value) ? "is required when notifications are enabled" : $"'{value}' is not an e-mail address");
            }
        }

        if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password))
        {
            Problem(string.IsNullOrEmpty(Username) ? nameof(Username) : nameof(Password), "the SMTP username and password are given together or not at all");
        }

        if (Security == SmtpSecurity.None && !string.IsNullOrEmpty(Password) && !IsLoopback(SmtpHost))
        {
            Problem(nameof(Security), "None would send the SMTP password unencrypted over the network; use StartTls or Tls");
        }

        return problems;
    }

    // A printed copy of the settings (a log line, a test failure) never shows the SMTP password.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"Enabled = {Enabled}, SmtpHost = {SmtpHost}, SmtpPort = {SmtpPort}, Security = {Security}, Username = {Username}, Password = {(string.IsNullOrEmpty(Password) ? "" : "***")}, "
            + $"From = {From}, OnCallAddress = {OnCallAddress}, EscalationAddress = {EscalationAddress}, MinimumSeverity = {MinimumSeverity}, "
            + $"NotifyAfterMinutes = {NotifyAfterMinutes}, EscalateAfterMinutes = {EscalateAfterMinutes}, CheckEverySeconds = {CheckEverySeconds}, PublicBaseUrl = {PublicBaseUrl}");
        return true;
    }

    private static bool IsLoopback(string host) =>
        host is "localhost" || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));
}
