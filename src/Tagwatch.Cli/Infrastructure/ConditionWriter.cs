using NodaTime;
using Tagwatch.Cli.Commands;
using Tagwatch.Core.Conditions;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>Stores a new licence condition for the person a command names.</summary>
internal static class ConditionWriter
{
    public static async Task<LicenceCondition> AddAsync(ConditionSettings settings, ConditionKind kind, ZoneArea area, double buffer, Schedule schedule, Duration grace, CancellationToken cancellationToken)
    {
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        var reference = OptionParsers.Reference(settings.Offender);
        var offender = await workspace.OffenderStore.FindAsync(reference, cancellationToken) ?? throw new KeyNotFoundException($"{reference} is not enrolled.");
        string label = string.IsNullOrWhiteSpace(settings.Label) ? kind.ToString().ToLowerInvariant() : settings.Label.Trim();
        var condition = new LicenceCondition(0, offender.Id, kind, area, schedule, grace, settings.Rules(), label)
        {
            AppliesFrom = settings.From is null ? Instant.MinValue : OptionParsers.Instant(settings.From, "--from"),
        };
        var added = await workspace.Conditions.AddAsync(condition, buffer, settings.By, cancellationToken);
        await workspace.AuditAsync(Application.Audit.AuditActions.ChangeConditions, "offender", offender.Reference.ToString(),
            $"condition {added.Id} added: {kind} '{label}', {schedule}, grace {grace.TotalMinutes} min, buffer {buffer} m, from {added.AppliesFrom}", cancellationToken);
        return added;
    }
}
