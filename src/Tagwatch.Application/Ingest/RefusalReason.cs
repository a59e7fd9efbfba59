namespace Tagwatch.Application.Ingest;

/// <summary>Why a device message was refused; stored and counted by its snake_case name (<c>wrong_protocol</c>…).</summary>
public enum RefusalReason
{
    /// <summary>The device is not registered.</summary>
    Unregistered,

    /// <summary>The identifier fails the protocol's identifier syntax (garbage, or an identifier no such device has);
    /// such refusals are counted together per listener and sender address, not one record per identifier.</summary>
    MalformedIdentifier,

    /// <summary>The device is registered for another protocol (a GT06 tag's ID in an OsmAnd request or an H02 frame).</summary>
    WrongProtocol,

    /// <summary>The message came in on a port that is not configured for its protocol.</summary>
    WrongPort,

    /// <summary>The protocol needs a credential (OsmAnd, batch) and none was presented, or the one presented is not
    /// known or has been revoked, and the sender is not in an allow-listed gateway network.</summary>
    NoCredential,

    /// <summary>A valid credential was presented, but it is another device's.</summary>
    CredentialNotForDevice,

    /// <summary>Older refusals folded into one record when the record of refusals reached its cap.</summary>
    Folded,
}
