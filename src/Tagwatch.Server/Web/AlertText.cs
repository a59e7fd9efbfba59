using Tagwatch.Core.Alerts;

namespace Tagwatch.Server.Web;

/// <summary>How pages word and colour an alert's severity and state: every colour comes with its word.</summary>
internal static class AlertText
{
    public static string Severity(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "Critical",
        AlertSeverity.Urgent => "Urgent",
        _ => "Information",
    };

    public static string SeverityTagClass(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "govuk-tag govuk-tag--red",
        AlertSeverity.Urgent => "govuk-tag govuk-tag--orange",
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string State(AlertState state) => state switch
    {
        AlertState.Open => "Open",
        AlertState.Acknowledged => "Acknowledged",
        AlertState.Resolved => "Resolved",
        _ => "Withdrawn",
    };

    public static string StateTagClass(AlertState state) => state switch
    {
        AlertState.Open => "govuk-tag govuk-tag--red",
        AlertState.Acknowledged => "govuk-tag govuk-tag--yellow",
        AlertState.Resolved => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--grey",
    };

    /// <summary>The lower-case name a filter or a URL uses.</summary>
    public static string Value<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>Whether the alert still needs the centre: open or acknowledged.</summary>
    public static bool Unhandled(AlertState state) => state is AlertState.Open or AlertState.Acknowledged;
}
