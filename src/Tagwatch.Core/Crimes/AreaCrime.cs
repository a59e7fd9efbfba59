using Tagwatch.Core.Geo;

namespace Tagwatch.Core.Crimes;

/// <summary>A published street-level crime (data.police.uk): month and an anonymised map point only.</summary>
/// <remarks>Area context for crime maps and trend reports. Never matchable against a person: there is no time
/// window and the point is snapped to an anonymous location.</remarks>
public sealed record AreaCrime
{
    /// <summary>The police.uk Crime ID (not unique across files; empty for anti-social behaviour).</summary>
    public string? CrimeId { get; init; }

    /// <summary>First day of the month the crime was recorded in (the file's <c>Month</c>, <c>YYYY-MM</c>).</summary>
    public required NodaTime.YearMonth Month { get; init; }

    /// <summary>The force that reported it.</summary>
    public required string ReportedBy { get; init; }

    /// <summary>The anonymised map point, when the row has one.</summary>
    public GeoPoint? Position { get; init; }

    /// <summary>"On or near …" street description.</summary>
    public string Location { get; init; } = "";

    /// <summary>Lower-layer super output area code.</summary>
    public string LsoaCode { get; init; } = "";

    /// <summary>Lower-layer super output area name.</summary>
    public string LsoaName { get; init; } = "";

    /// <summary>Crime type as published, e.g. "Burglary".</summary>
    public required string CrimeType { get; init; }

    /// <summary>Last outcome category as published.</summary>
    public string LastOutcome { get; init; } = "";

    /// <summary>ONS code of the borough containing the point, when in London.</summary>
    public string? BoroughCode { get; init; }
}
