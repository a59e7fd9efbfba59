namespace Tagwatch.Application.Notifications;

/// <summary>An e-mail ready to send.</summary>
/// <param name="To">The one recipient address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Body">Plain text.</param>
public sealed record NotificationMessage(string To, string Subject, string Body);
