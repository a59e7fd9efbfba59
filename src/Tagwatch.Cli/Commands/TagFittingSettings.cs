using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary>What a fitting names, for <c>tags assign</c> and <c>tags correct</c>: the tag, the person and from when.</summary>
internal class TagFittingSettings : DatabaseSettings
{
    [CommandArgument(0, "<ID>")]
    public string Id { get; init; } = "";

    [CommandOption("--offender <REF>")]
    public string Offender { get; init; } = "";

    [CommandOption("--from <INSTANT>")]
    public string? From { get; init; }
}
