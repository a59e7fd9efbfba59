using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Identity;

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

    /// <summary>The tag named, or an error saying why the text is no tag identifier.</summary>
    public TagId Tag() => TagId.TryParse(Id, out var tag, out var error) ? tag : throw new ArgumentException(error);
}
