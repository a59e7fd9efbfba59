namespace Tagwatch.Storage.Model;

/// <summary>One notification of one alert to one recipient at one stage (unique), with its latest outcome.</summary>
public sealed class NotificationRow
{
    public long Id { get; set; }

    public long AlertId { get; set; }

    /// <summary>The <see cref="Application.Notifications.NotificationStage"/> name.</summary>
    public required string Stage { get; set; }

    public required string Recipient { get; set; }

    public string? RecipientUser { get; set; }

    /// <summary>The alert kind's name.</summary>
    public required string AlertType { get; set; }

    public required string Severity { get; set; }

    public long AlertRaisedUnixMs { get; set; }

    public string? OffenderReference { get; set; }

    /// <summary>The <see cref="Application.Notifications.NotificationStatus"/> name.</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }

    public long RecordedUnixMs { get; set; }

    public long? LastAttemptUnixMs { get; set; }

    public string? Error { get; set; }
}
