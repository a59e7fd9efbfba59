namespace Tagwatch.Application.Crimes;

/// <summary>The crime types data.police.uk publishes street-level crimes under (its own categories, not MoJ's).</summary>
public static class AreaCrimeTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        "Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs", "Other crime",
        "Other theft", "Possession of weapons", "Public order", "Robbery", "Shoplifting", "Theft from the person",
        "Vehicle crime", "Violence and sexual offences",
    ];

    /// <summary>The published spelling of <paramref name="text"/> (any case), or null when it is not a published type.</summary>
    public static string? Find(string text) => All.FirstOrDefault(t => string.Equals(t, text.Trim(), StringComparison.OrdinalIgnoreCase));
}
