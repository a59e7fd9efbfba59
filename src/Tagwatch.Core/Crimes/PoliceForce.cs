namespace Tagwatch.Core.Crimes;

/// <summary>A police force that sends crime batches, with the short code that prefixes its batch IDs.</summary>
/// <param name="Key">Upper-case identifier as in the batch file, e.g. <c>METROPOLITAN</c>.</param>
/// <param name="Name">Display name, e.g. <c>Metropolitan</c>.</param>
/// <param name="Code">Batch ID prefix, e.g. <c>MPS</c>.</param>
public sealed record PoliceForce(string Key, string Name, string Code)
{
    /// <summary>The forces taking part in electronic-monitoring crime mapping.</summary>
    public static IReadOnlyList<PoliceForce> All { get; } =
    [
        new("AVON_AND_SOMERSET", "Avon and Somerset", "AVS"),
        new("BEDFORDSHIRE", "Bedfordshire", "BFD"),
        new("CHESHIRE", "Cheshire", "CHS"),
        new("CITY_OF_LONDON", "City of London", "CoLP"),
        new("CUMBRIA", "Cumbria", "CMB"),
        new("DERBYSHIRE", "Derbyshire", "DBY"),
        new("DURHAM", "Durham", "DUR"),
        new("ESSEX", "Essex", "ESX"),
        new("GLOUCESTERSHIRE", "Gloucestershire", "GLC"),
        new("GWENT", "Gwent", "GWP"),
        new("HAMPSHIRE", "Hampshire", "HAM"),
        new("HERTFORDSHIRE", "Hertfordshire", "HRT"),
        new("HUMBERSIDE", "Humberside", "HMB"),
        new("KENT", "Kent", "KNT"),
        new("METROPOLITAN", "Metropolitan", "MPS"),
        new("NORTH_WALES", "North Wales", "NWL"),
        new("NOTTINGHAMSHIRE", "Nottinghamshire", "NOT"),
        new("SUSSEX", "Sussex", "SXP"),
        new("WEST_MIDLANDS", "West Midlands", "WMP"),
    ];

    /// <summary>The Metropolitan Police Service, the force of the London pilot.</summary>
    public static PoliceForce Metropolitan => All.First(f => f.Key == "METROPOLITAN");

    /// <summary>Finds a force by key (<c>METROPOLITAN</c>), display name (<c>Metropolitan</c>) or either with other casing.</summary>
    public static PoliceForce? Find(string text)
    {
        string trimmed = text.Trim();
        return All.FirstOrDefault(f =>
            string.Equals(f.Key, trimmed, StringComparison.OrdinalIgnoreCase)
            || string.Equals(f.Name, trimmed, StringComparison.OrdinalIgnoreCase)
            || string.Equals(f.Key, trimmed.Replace(' ', '_'), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Finds a force by its batch code.</summary>
    public static PoliceForce? FindByCode(string code) => All.FirstOrDefault(f => string.Equals(f.Code, code, StringComparison.OrdinalIgnoreCase));
}
