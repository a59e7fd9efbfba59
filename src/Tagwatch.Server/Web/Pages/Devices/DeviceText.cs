using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Tags;

namespace Tagwatch.Server.Web.Pages.Devices;

/// <summary>How the device pages name a tag's state and a refusal's reason: in words, the colour only beside them.</summary>
internal static class DeviceText
{
    /// <summary>A tag's reporting state as (words, GOV.UK tag colour): never reported, silent past the monitor's no-contact threshold, or reporting.</summary>
    public static (string Words, string Colour) State(RegisteredTag tag, Instant now, Duration silentAfter)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return tag.LastContact is not { } last ? ("Never reported", "grey")
            : now - last >= silentAfter ? ("Silent", "red")
            : ("Reporting", "green");
    }

    /// <summary>"12 min ago", "3 days 2 h ago".</summary>
    public static string Age(Instant then, Instant now) => $"{WebText.Duration((now - then).ToTimeSpan())} ago";

    public static string Reason(RefusalReason reason) => reason switch
    {
        RefusalReason.Unregistered => "Not registered",
        RefusalReason.MalformedIdentifier => "Unreadable identifier",
        RefusalReason.WrongProtocol => "Registered for another protocol",
        RefusalReason.WrongPort => "Reported on the wrong port",
        RefusalReason.NoCredential => "No valid upload credential",
        RefusalReason.CredentialNotForDevice => "Credential of another device",
        RefusalReason.Folded => "Counted with others",
        _ => reason.ToString(),
    };
}
