using System.ComponentModel;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Conditions;

namespace Tagwatch.Cli.Commands;

/// <summary>Options every location condition shares: whose, when, and how much evidence a breach needs.</summary>
internal class ConditionSettings : DatabaseSettings
{
    [CommandOption("--offender <REF>")]
    [Description("The person whose licence it is.")]
    public string Offender { get; init; } = "";

    [CommandOption("--schedule <SCHEDULE>")]
    [Description("When it applies, in London time: 'always', 'daily 21:00-07:00', 'Mon-Fri 19:00-07:00; Sat 12:00-18:00'.")]
    public string? Schedule { get; init; }

    [CommandOption("--label <TEXT>")]
    [Description("What the officer calls it, e.g. \"victim's street\".")]
    public string? Label { get; init; }

    [CommandOption("--min-fixes <N>")]
    [Description("Consecutive fixes wholly on the wrong side that start a breach (default 2).")]
    public int? MinFixes { get; init; }

    [CommandOption("--min-dwell <DURATION>")]
    [Description("Time those fixes must span (default 60s).")]
    public string? MinDwell { get; init; }

    [CommandOption("--clear-fixes <N>")]
    [Description("Consecutive compliant fixes that end a breach (default 2).")]
    public int? ClearFixes { get; init; }

    [CommandOption("--hysteresis <METRES>")]
    [Description("How far on the right side a compliant fix must be (default 10).")]
    public double? Hysteresis { get; init; }

    [CommandOption("--from <INSTANT>")]
    [Description("When it applies from (ISO-8601 UTC, not before monitoring started); default: from when it is added. Fixes before it are never evidence of a breach.")]
    public string? From { get; init; }

    [CommandOption("--by <NAME>")]
    [Description("Who sets it (recorded).")]
    public string By { get; init; } = Environment.UserName;

    /// <summary>The decision rules the options give (the use case checks them).</summary>
    public DecisionRules Rules()
    {
        var defaults = new DecisionRules();
        return defaults with
        {
            MinViolatingFixes = MinFixes ?? defaults.MinViolatingFixes,
            MinDwell = MinDwell is null ? defaults.MinDwell : OptionParsers.Duration(MinDwell, "--min-dwell"),
            ClearingFixes = ClearFixes ?? defaults.ClearingFixes,
            HysteresisMetres = Hysteresis ?? defaults.HysteresisMetres,
        };
    }

    public Schedule ParsedSchedule(string fallback) =>
        Core.Conditions.Schedule.TryParse(Schedule ?? fallback, out var schedule, out string? error) ? schedule : throw new ArgumentException($"--schedule: {error}");
}
