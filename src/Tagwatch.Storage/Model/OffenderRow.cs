namespace Tagwatch.Storage.Model;

/// <summary>The pseudonymous record of an enrolled person.</summary>
public sealed class OffenderRow
{
    public Guid Id { get; set; }

    public required string Reference { get; set; }

    /// <summary>Index offences as a comma-separated list of names.</summary>
    public required string IndexOffences { get; set; }

    public required string RiskTier { get; set; }

    public required string HomeBoroughCode { get; set; }

    public double HomeLatitude { get; set; }

    public double HomeLongitude { get; set; }

    public required string LicenceStart { get; set; }

    public required string LicenceEnd { get; set; }

    public required string MonitoringStart { get; set; }

    public required string MonitoringEnd { get; set; }

    public required string Status { get; set; }

    public string? EndReason { get; set; }

    public long EnrolledUnixMs { get; set; }
}
