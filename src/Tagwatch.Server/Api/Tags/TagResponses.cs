using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Tags;

namespace Tagwatch.Server.Api.Tags;

/// <summary>A tag as registered.</summary>
public sealed record TagResponse(string Tag, string Protocol, string? Model)
{
    internal static TagResponse Of(Tag t) => new(t.Id.Value, t.Protocol, t.Model);
}

/// <summary>A registered tag with its latest contact: when it last reported, its latest fix's time and its battery (null when never reported);
/// and the reference of the person wearing it now, since when (null when nobody does).</summary>
public sealed record RegisteredTagResponse(string Tag, string Protocol, string? Model, Instant? LastContact, Instant? LastFix, int? BatteryPercent, string? Wearer, Instant? WornSince)
{
    internal static RegisteredTagResponse Of(RegisteredTag t) => new(t.Id.Value, t.Protocol, t.Model, t.LastContact, t.LastFix, t.BatteryPercent, t.Wearer?.ToString(), t.WornSince);
}

/// <summary>A tag returned: <paramref name="Offender"/> wore it from <paramref name="From"/> to <paramref name="To"/>.</summary>
public sealed record TagReturnedResponse(string Tag, string Offender, Instant From, Instant To)
{
    internal static TagReturnedResponse Of(TagReturned r) => new(r.Tag.Value, r.Offender.ToString(), r.From, r.To);
}

/// <summary>A swap recorded: <paramref name="Offender"/> wears <paramref name="Fitted"/> instead of <paramref name="Returned"/> from <paramref name="At"/>.</summary>
public sealed record TagSwappedResponse(string Returned, string Fitted, string Offender, Instant At)
{
    internal static TagSwappedResponse Of(TagSwapped s) => new(s.Returned.Value, s.Fitted.Value, s.Offender.ToString(), s.At);
}

/// <summary>A fitting recorded; <paramref name="Corrected"/> when recorded as a correction over stored fixes.</summary>
public sealed record TagFittedResponse(string Tag, string Offender, Instant From, bool Corrected)
{
    internal static TagFittedResponse Of(TagFitted f) => new(f.Tag.Value, f.Offender.ToString(), f.From, f.Corrected);
}

/// <summary>An upload credential (never its secret): a device's (<paramref name="Tag"/>) or a gateway's (any registered device).</summary>
public sealed record DeviceCredentialResponse(long Id, string? Tag, bool Gateway, string Name, Instant Created, Instant? Revoked)
{
    internal static DeviceCredentialResponse Of(DeviceCredential c) => new(c.Id, c.Tag?.Value, c.IsGateway, c.Name, c.Created, c.Revoked);
}

/// <summary>A new upload credential: its secret is in this answer only.</summary>
public sealed record NewDeviceCredentialResponse(DeviceCredentialResponse Credential, string Secret);

/// <summary>
/// Device messages refused, counted per device, protocol and reason. <paramref name="DeviceId"/>, <paramref name="LastRemote"/>
/// and <paramref name="Detail"/> are as the sender wrote them: escape them before showing them.
/// </summary>
public sealed record RefusedDeviceResponse(
    string DeviceId, string Protocol, RefusalReason Reason, long Messages, Instant FirstSeen, Instant LastSeen, string? LastRemote, string Source, string? Detail)
{
    internal static RefusedDeviceResponse Of(RefusedDevice r) => new(r.DeviceId, r.Protocol, r.Reason, r.Messages, r.FirstSeen, r.LastSeen, r.LastRemote, r.Source, r.Detail);
}
