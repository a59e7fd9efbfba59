namespace Tagwatch.Application.Crimes;

/// <summary>The names every door uses for a <see cref="CrimeFileFormat"/> (<c>moj</c>, <c>policeuk</c>, <c>tagwatch</c>).</summary>
public static class CrimeFileFormats
{
    /// <summary>The names, in the order a refusal lists them.</summary>
    public const string Names = "moj, policeuk or tagwatch";

    /// <summary>The format named <paramref name="name"/> (any case); false for anything else.</summary>
    public static bool TryParse(string? name, out CrimeFileFormat format)
    {
        switch (name?.ToLowerInvariant())
        {
            case "moj":
                format = CrimeFileFormat.Moj;
                return true;
            case "policeuk":
                format = CrimeFileFormat.PoliceUk;
                return true;
            case "tagwatch":
                format = CrimeFileFormat.Tagwatch;
                return true;
            default:
                format = default;
                return false;
        }
    }

    /// <summary>The name of <paramref name="format"/>, as <see cref="TryParse"/> reads it.</summary>
    public static string Name(CrimeFileFormat format) => format switch
    {
        CrimeFileFormat.Moj => "moj",
        CrimeFileFormat.PoliceUk => "policeuk",
        CrimeFileFormat.Tagwatch => "tagwatch",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown crime file format"),
    };
}
