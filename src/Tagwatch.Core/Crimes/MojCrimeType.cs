namespace Tagwatch.Core.Crimes;

/// <summary>The crime type codes of the MoJ electronic-monitoring crime-mapping batch file.</summary>
public static class MojCrimeType
{
    private static readonly Dictionary<string, (CrimeCategory Category, string Description)> Codes = new(StringComparer.Ordinal)
    {
        ["RB"] = (CrimeCategory.Robbery, "Robbery"),
        ["BIAD"] = (CrimeCategory.BurglaryDwelling, "Burglary in a dwelling"),
        ["AB"] = (CrimeCategory.AggravatedBurglary, "Aggravated burglary"),
        ["BOTD"] = (CrimeCategory.BurglaryOther, "Burglary other than dwelling"),
        ["TOMV"] = (CrimeCategory.TheftOfMotorVehicle, "Theft of motor vehicle"),
        ["TFP"] = (CrimeCategory.TheftFromPerson, "Theft from person"),
        ["TFMV"] = (CrimeCategory.TheftFromMotorVehicle, "Theft from motor vehicle"),
    };

    /// <summary>All codes, in the order the format lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Codes.Keys];

    /// <summary>Maps a code (exact, upper case) to its category.</summary>
    public static bool TryParse(string code, out CrimeCategory category)
    {
        bool found = Codes.TryGetValue(code.Trim(), out var entry);
        category = entry.Category;
        return found;
    }

    /// <summary>The code's description, e.g. "Robbery" for RB.</summary>
    public static string Describe(string code) => Codes.TryGetValue(code, out var entry) ? entry.Description : code;
}
