using NodaTime;
using NodaTime.Text;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>How people's records are shown on the console and in JSON.</summary>
internal static class OffenderView
{
    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Time(Instant instant) => InstantPattern.General.Format(instant);

    public static object ToJson(Offender o, OffenderStatus status) => new
    {
        reference = o.Reference.Value,
        status = OptionParsers.Kebab(status.ToString()),
        risk_tier = OptionParsers.Kebab(o.RiskTier.ToString()),
        index_offences = o.IndexOffences.Select(x => OptionParsers.Kebab(x.ToString())),
        home_borough = BoroughMap.London.Find(o.HomeBoroughCode)?.Name ?? o.HomeBoroughCode,
        licence_start = Date(o.LicenceStart),
        licence_end = Date(o.LicenceEnd),
        monitoring_start = Date(o.MonitoringStart),
        monitoring_end = Date(o.MonitoringEnd),
        end_reason = o.EndReason,
    };
}
