using NodaTime;
using Tagwatch.Core.Geo;

namespace Tagwatch.Core.Crimes;

/// <summary>One version of a reported crime that trails can be matched against.</summary>
/// <remarks>
/// A crime is identified by its force and reference; a resubmission with changed fields becomes a new version,
/// so matches can say which version they were made on. Both the WGS84 position and, when the police sent one,
/// the National Grid position are kept as received.
/// </remarks>
public sealed record Crime
{
    /// <summary>Force key, e.g. <c>METROPOLITAN</c>.</summary>
    public required string Force { get; init; }

    /// <summary>The force's crime reference, unique within the force.</summary>
    public required string Reference { get; init; }

    /// <summary>Version number, from 1; bumped when a resubmission changes any field.</summary>
    public int Version { get; init; } = 1;

    /// <summary>What kind of crime.</summary>
    public required CrimeCategory Category { get; init; }

    /// <summary>The source code of the category (e.g. <c>RB</c>) or the interchange category name.</summary>
    public required string CategoryCode { get; init; }

    /// <summary>Start of the window in which the crime was committed (UTC).</summary>
    public required Instant CommittedFrom { get; init; }

    /// <summary>End of the committed window (UTC), not before <see cref="CommittedFrom"/>.</summary>
    public required Instant CommittedTo { get; init; }

    /// <summary>Crime location in WGS84.</summary>
    public required GeoPoint Position { get; init; }

    /// <summary>Crime location on the National Grid: as received, or derived from WGS84.</summary>
    public required GridPoint Grid { get; init; }

    /// <summary>True when the force sent eastings and northings (OSGB36), false when it sent WGS84.</summary>
    public bool ReceivedAsGrid { get; init; }

    /// <summary>Radius in metres within which the true location lies (precision of the reported point).</summary>
    public double LocationPrecisionMetres { get; init; }

    /// <summary>ONS code of the London borough containing the location, when in London.</summary>
    public string? BoroughCode { get; init; }

    /// <summary>The batch the crime arrived in, e.g. <c>MPS20250126</c>.</summary>
    public string? BatchId { get; init; }

    /// <summary>Free text sent with the crime.</summary>
    public string Text { get; init; } = "";

    /// <summary>Which feed the crime came from.</summary>
    public CrimeSource Source { get; init; }

    /// <summary>True when every field a resubmission can change is the same as in <paramref name="other"/>.</summary>
    public bool HasSameContentAs(Crime other) =>
        Category == other.Category && CategoryCode == other.CategoryCode
        && CommittedFrom == other.CommittedFrom && CommittedTo == other.CommittedTo
        && Position == other.Position && Grid == other.Grid && ReceivedAsGrid == other.ReceivedAsGrid
        && LocationPrecisionMetres.Equals(other.LocationPrecisionMetres)
        && Text == other.Text && BatchId == other.BatchId;
}
