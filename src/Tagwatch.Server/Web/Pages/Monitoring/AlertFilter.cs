using Microsoft.AspNetCore.Mvc.ModelBinding;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Alerts;

namespace Tagwatch.Server.Web.Pages.Monitoring;

/// <summary>The alerts queue's filters as the GET form sends them (<c>?Filter.Severity=critical</c>…); empty means any.</summary>
public sealed class AlertFilter
{
    public string? Borough { get; set; }

    public string? Type { get; set; }

    public string? Severity { get; set; }

    /// <summary><c>unhandled</c> (open or acknowledged, the default), <c>any</c>, or one state.</summary>
    public string? State { get; set; }

    /// <summary>The use case's request, or false with an error against each field that names no value.</summary>
    public bool TryRead(ModelStateDictionary errors, out ListAlertsRequest request)
    {
        ArgumentNullException.ThrowIfNull(errors);
        IReadOnlyCollection<AlertState>? states = State switch
        {
            null or "" or IndexModel.Unhandled => [AlertState.Open, AlertState.Acknowledged],
            "any" => null,
            _ => Enum.TryParse<AlertState>(State, ignoreCase: true, out var one) && Enum.IsDefined(one) ? [one] : Error<AlertState>(nameof(State), "Choose a state from the list"),
        };
        IReadOnlyCollection<AlertKind>? kinds = string.IsNullOrEmpty(Type) ? null
            : AlertKind.TryParse(Type, out var kind) ? [kind] : Error<AlertKind>(nameof(Type), "Choose an alert type from the list");
        IReadOnlyCollection<AlertSeverity>? severities = string.IsNullOrEmpty(Severity) ? null
            : Enum.TryParse<AlertSeverity>(Severity, ignoreCase: true, out var severity) && Enum.IsDefined(severity) ? [severity] : Error<AlertSeverity>(nameof(Severity), "Choose a severity from the list");
        request = new ListAlertsRequest(states, Kinds: kinds, Severities: severities, Borough: string.IsNullOrEmpty(Borough) ? null : Borough);
        return errors.IsValid;

        T[]? Error<T>(string field, string message)
        {
            errors.AddModelError($"Filter.{field}", message);
            return null;
        }
    }

    /// <summary>The filters as a query string for the live refresh ("" when none).</summary>
    public string Query()
    {
        var parts = new List<string>();
        Add(nameof(Borough), Borough);
        Add(nameof(Type), Type);
        Add(nameof(Severity), Severity);
        Add(nameof(State), State);
        return string.Join('&', parts);

        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"Filter.{name}={Uri.EscapeDataString(value)}");
            }
        }
    }
}
