using NodaTime;
using NodaTime.Text;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage.Offenders;

/// <summary>Converts between offender and scheme rows and the domain.</summary>
internal static class OffenderRowMapping
{
    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static LocalDate ParseDate(string text) => LocalDatePattern.Iso.Parse(text).Value;

    public static Offender ToOffender(this OffenderRow row) => new()
    {
        Id = new OffenderId(row.Id),
        Reference = OffenderReference.Parse(row.Reference),
        IndexOffences = row.IndexOffences.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<IndexOffence>).ToList(),
        RiskTier = Enum.Parse<RiskTier>(row.RiskTier),
        HomeBoroughCode = row.HomeBoroughCode,
        HomeAddress = new GeoPoint(row.HomeLatitude, row.HomeLongitude),
        LicenceStart = ParseDate(row.LicenceStart),
        LicenceEnd = ParseDate(row.LicenceEnd),
        MonitoringStart = ParseDate(row.MonitoringStart),
        MonitoringEnd = ParseDate(row.MonitoringEnd),
        Status = Enum.Parse<OffenderStatus>(row.Status),
        EndReason = row.EndReason,
    };

    public static void CopyTo(this Offender offender, OffenderRow row)
    {
        row.Id = offender.Id.Value;
        row.Reference = offender.Reference.Value;
        row.IndexOffences = string.Join(',', offender.IndexOffences);
        row.RiskTier = offender.RiskTier.ToString();
        row.HomeBoroughCode = offender.HomeBoroughCode;
        row.HomeLatitude = offender.HomeAddress.Latitude;
        row.HomeLongitude = offender.HomeAddress.Longitude;
        row.LicenceStart = Format(offender.LicenceStart);
        row.LicenceEnd = Format(offender.LicenceEnd);
        row.MonitoringStart = Format(offender.MonitoringStart);
        row.MonitoringEnd = Format(offender.MonitoringEnd);
        row.Status = offender.Status.ToString();
        row.EndReason = offender.EndReason;
    }

    public static SchemeSettings ToScheme(this SchemeRow row) => new()
    {
        Name = row.Name,
        BoroughCodes = row.BoroughCodes.Split(',', StringSplitOptions.RemoveEmptyEntries),
        Capacity = row.Capacity,
        StartDate = ParseDate(row.StartDate),
        LengthMonths = row.LengthMonths,
        MaxMonitoringMonths = row.MaxMonitoringMonths,
        EligibleOffences = row.EligibleOffences.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<IndexOffence>).ToList(),
        CorrelationMinimumTier = Enum.Parse<RiskTier>(row.CorrelationMinimumTier),
    };

    public static SchemeRow ToRow(this SchemeSettings scheme) => new()
    {
        Id = 1,
        Name = scheme.Name,
        BoroughCodes = string.Join(',', scheme.BoroughCodes),
        Capacity = scheme.Capacity,
        StartDate = Format(scheme.StartDate),
        LengthMonths = scheme.LengthMonths,
        MaxMonitoringMonths = scheme.MaxMonitoringMonths,
        EligibleOffences = string.Join(',', scheme.EligibleOffences),
        CorrelationMinimumTier = scheme.CorrelationMinimumTier.ToString(),
    };

    public static RiskTierChange ToChange(this RiskTierChangeRow row) =>
        new(Enum.Parse<RiskTier>(row.Tier), ParseDate(row.EffectiveFrom), row.Reason, Instant.FromUnixTimeMilliseconds(row.RecordedUnixMs));
}
