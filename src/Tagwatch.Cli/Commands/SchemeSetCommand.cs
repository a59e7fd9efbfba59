using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch scheme set [--capacity N] [--borough B …] [--start DATE] [--length-months N] …</c>: changes only what is given.</summary>
internal sealed class SchemeSetCommand : AsyncCommand<SchemeSetCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--name <NAME>")]
        public string? Name { get; init; }

        [CommandOption("--capacity <N>")]
        [Description("Most people monitored at once.")]
        public int? Capacity { get; init; }

        [CommandOption("--borough <BOROUGH>")]
        [Description("Scheme borough by name or ONS code (repeatable; replaces the list).")]
        public string[] Boroughs { get; init; } = [];

        [CommandOption("--start <DATE>")]
        public string? Start { get; init; }

        [CommandOption("--length-months <N>")]
        public int? LengthMonths { get; init; }

        [CommandOption("--max-monitoring-months <N>")]
        public int? MaxMonitoringMonths { get; init; }

        [CommandOption("--offence <OFFENCE>")]
        [Description("Eligible index offence (repeatable; replaces the list).")]
        public string[] Offences { get; init; } = [];

        [CommandOption("--correlation-tier <TIER>")]
        [Description("Lowest risk tier whose trails are checked against crimes.")]
        public string? CorrelationTier { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        var scheme = await workspace.OffenderStore.GetSchemeAsync(cancellationToken);
        var boroughs = settings.Boroughs.Select(b => BoroughMap.London.Find(b)?.Code ?? throw new ArgumentException($"--borough '{b}' is not a London borough")).ToList();
        var updated = scheme with
        {
            Name = settings.Name ?? scheme.Name,
            Capacity = settings.Capacity ?? scheme.Capacity,
            BoroughCodes = boroughs.Count > 0 ? boroughs : scheme.BoroughCodes,
            StartDate = OptionParsers.OptionalDate(settings.Start, "--start") ?? scheme.StartDate,
            LengthMonths = settings.LengthMonths ?? scheme.LengthMonths,
            MaxMonitoringMonths = settings.MaxMonitoringMonths ?? scheme.MaxMonitoringMonths,
            EligibleOffences = settings.Offences.Length > 0 ? settings.Offences.Select(o => OptionParsers.Enum<IndexOffence>(o, "--offence")).ToList() : scheme.EligibleOffences,
            CorrelationMinimumTier = settings.CorrelationTier is null ? scheme.CorrelationMinimumTier : OptionParsers.Enum<RiskTier>(settings.CorrelationTier, "--correlation-tier"),
        };
        var problems = updated.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("scheme settings rejected: " + string.Join("; ", problems));
        }

        await workspace.OffenderStore.SaveSchemeAsync(updated, cancellationToken);
        await workspace.AuditAsync(Application.Audit.AuditActions.ChangeSettings, "scheme", null, "scheme settings changed", cancellationToken);
        CliContext.Current.Console.MarkupLine("Scheme updated.");
        return ExitCodes.Ok;
    }
}
