using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Tagwatch.Core.Conditions;

namespace Tagwatch.Core.Alerts;

/// <summary>What an alert says happened, with how urgent it is and what it is about: the one list of alert kinds,
/// so no report, screen or monitor keeps a list of its own that could drift.</summary>
/// <remarks>
/// Stored and serialised by <see cref="Name"/> (<c>exclusion_breach</c>, <c>sos</c>…), as alerts always have been.
/// Instances are the static members; compare them by reference or with <c>==</c>.
/// </remarks>
[JsonConverter(typeof(AlertKindJsonConverter))]
public sealed class AlertKind
{
    private static readonly Dictionary<string, AlertKind> ByName = new(StringComparer.Ordinal);

    private AlertKind(string name, AlertSeverity severity, AlertCategory category, string displayName, bool raisedByDeviceEvent = false)
    {
        Name = name;
        Severity = severity;
        Category = category;
        DisplayName = displayName;
        RaisedByDeviceEvent = raisedByDeviceEvent;
        ByName.Add(name, this);
    }

    /// <summary>Inside an exclusion zone.</summary>
    public static AlertKind ExclusionBreach { get; } = new("exclusion_breach", AlertSeverity.Critical, AlertCategory.Zone, "Exclusion zone breach");

    /// <summary>Outside an inclusion zone.</summary>
    public static AlertKind InclusionBreach { get; } = new("inclusion_breach", AlertSeverity.Urgent, AlertCategory.Zone, "Inclusion zone breach");

    /// <summary>Not at the curfew address during curfew hours.</summary>
    public static AlertKind CurfewBreach { get; } = new("curfew_breach", AlertSeverity.Critical, AlertCategory.Curfew, "Curfew breach");

    /// <summary>The strap was cut or opened.</summary>
    public static AlertKind StrapTamper { get; } = new("strap_tamper", AlertSeverity.Critical, AlertCategory.Device, "Strap tamper", raisedByDeviceEvent: true);

    /// <summary>The tag's case was opened.</summary>
    public static AlertKind CaseTamper { get; } = new("case_tamper", AlertSeverity.Critical, AlertCategory.Device, "Case tamper", raisedByDeviceEvent: true);

    /// <summary>The wearer pressed the tag's SOS button.</summary>
    public static AlertKind Sos { get; } = new("sos", AlertSeverity.Critical, AlertCategory.Device, "SOS", raisedByDeviceEvent: true);

    /// <summary>The tag lost external power.</summary>
    public static AlertKind PowerCut { get; } = new("power_cut", AlertSeverity.Urgent, AlertCategory.Device, "Power cut", raisedByDeviceEvent: true);

    /// <summary>The tag reported being switched off.</summary>
    public static AlertKind PowerOff { get; } = new("power_off", AlertSeverity.Urgent, AlertCategory.Device, "Powered off", raisedByDeviceEvent: true);

    /// <summary>Battery at or below the low threshold.</summary>
    public static AlertKind LowBattery { get; } = new("low_battery", AlertSeverity.Urgent, AlertCategory.Device, "Low battery", raisedByDeviceEvent: true);

    /// <summary>Battery so low the tag may die before anyone reaches it.</summary>
    public static AlertKind CriticalBattery { get; } = new("critical_battery", AlertSeverity.Critical, AlertCategory.Device, "Critical battery");

    /// <summary>In contact but no position: unable to monitor.</summary>
    public static AlertKind NoFix { get; } = new("no_fix", AlertSeverity.Urgent, AlertCategory.Device, "No position");

    /// <summary>No message at all from the tag.</summary>
    public static AlertKind NoContact { get; } = new("no_contact", AlertSeverity.Urgent, AlertCategory.Device, "No contact");

    /// <summary>Every kind, in declaration order.</summary>
    public static IReadOnlyList<AlertKind> All { get; } =
        [ExclusionBreach, InclusionBreach, CurfewBreach, StrapTamper, CaseTamper, Sos, PowerCut, PowerOff, LowBattery, CriticalBattery, NoFix, NoContact];

    /// <summary>The stored and serialised name, snake_case.</summary>
    public string Name { get; }

    /// <summary>How urgently the monitoring centre must act on an alert of this kind.</summary>
    public AlertSeverity Severity { get; }

    /// <summary>What it is about.</summary>
    public AlertCategory Category { get; }

    /// <summary>What an operator reads.</summary>
    public string DisplayName { get; }

    /// <summary>True when a device event of the same name raises it (tamper, SOS, power, low battery); the others are
    /// raised by monitoring (breaches, battery level, silence).</summary>
    public bool RaisedByDeviceEvent { get; }

    /// <summary>True for a breach of a licence condition (zone or curfew).</summary>
    public bool IsBreach => Category is AlertCategory.Zone or AlertCategory.Curfew;

    /// <summary>The kind named <paramref name="name"/>, if there is one.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out AlertKind? kind)
    {
        kind = name is null ? null : ByName.GetValueOrDefault(name);
        return kind is not null;
    }

    /// <summary>The kind named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No kind has that name.</exception>
    public static AlertKind Parse(string name) =>
        TryParse(name, out var kind) ? kind : throw new ArgumentException($"'{name}' is not an alert kind.", nameof(name));

    /// <summary>The breach alert of a condition kind.</summary>
    public static AlertKind ForCondition(ConditionKind kind) => kind switch
    {
        ConditionKind.Exclusion => ExclusionBreach,
        ConditionKind.Inclusion => InclusionBreach,
        ConditionKind.Curfew => CurfewBreach,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a condition kind."),
    };

    /// <summary>The alert a device event raises (<c>strap_tamper</c>, <c>sos</c>, <c>power_off</c>…), or null for an
    /// event that is not a health alert on its own.</summary>
    public static AlertKind? ForDeviceEvent(string eventKind) =>
        TryParse(eventKind, out var kind) && kind.RaisedByDeviceEvent ? kind : null;

    /// <inheritdoc />
    public override string ToString() => Name;
}
