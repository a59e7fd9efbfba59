using System.Globalization;
using System.Text.RegularExpressions;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Matches;
using Tagwatch.Correlation.Scored;

namespace Tagwatch.Server.Web.Pages.Matches;

/// <summary>How the match pages say states, outcomes, categories and a score's factors: in words, never by colour alone.</summary>
internal static partial class MatchText
{
    /// <summary>A state's word and the GOV.UK tag colour that goes with it (the word is always shown).</summary>
    public static (string Word, string TagClass) State(MatchState state) => state switch
    {
        MatchState.New => ("New", "govuk-tag--blue"),
        MatchState.Qualified => ("Qualified", "govuk-tag--yellow"),
        MatchState.Dismissed => ("Dismissed", "govuk-tag--grey"),
        MatchState.Disclosed => ("Disclosed", "govuk-tag--green"),
        MatchState.Withdrawn => ("Withdrawn", "govuk-tag--grey"),
        _ => (state.ToString(), "govuk-tag--grey"),
    };

    public static string Outcome(PoliceOutcome outcome) => outcome switch
    {
        PoliceOutcome.NoFurtherAction => "No further action",
        PoliceOutcome.Eliminated => "Eliminated from the enquiry",
        PoliceOutcome.Arrested => "Arrested",
        PoliceOutcome.Charged => "Charged",
        PoliceOutcome.Convicted => "Convicted",
        _ => outcome.ToString(),
    };

    /// <summary>An outcome as stored (its name) in words, or null.</summary>
    public static string? Outcome(string? stored) =>
        stored is not null && Enum.TryParse<PoliceOutcome>(stored, ignoreCase: true, out var outcome) ? Outcome(outcome) : stored;

    /// <summary>"BurglaryDwelling" → "Burglary dwelling".</summary>
    public static string Category(CrimeCategory category)
    {
        string words = Words().Replace(category.ToString(), " $1").Trim();
        return words.Length == 0 ? words : words[0] + words[1..].ToLowerInvariant();
    }

    public static string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Metres(double metres) => string.Create(CultureInfo.InvariantCulture, $"{metres:0.#} m");

    /// <summary>Each factor of a score, what it measures and how strongly it counts here, in a sentence a reviewer can read out.</summary>
    public static IReadOnlyList<(string Factor, string Value, string Words)> Factors(ScoreFactors f, string? habitualPlace)
    {
        ArgumentNullException.ThrowIfNull(f);
        return
        [
            ("Closeness", Score(f.Closeness), $"{Strength(f.Closeness)}. How near the tag came to the crime point: full at the point, none where a position's confidence circle only grazes the search buffer. Closeness gates the other factors."),
            ("Time nearby", Score(f.Dwell), $"{Strength(f.Dwell)}. How long the tag stayed within the search buffer (none for a single position)."),
            ("Overlap with the crime's time", Score(f.WindowOverlap), $"{Strength(f.WindowOverlap)}. How much of the time nearby fell within the window the crime was committed in, rather than the margin around it."),
            ("Quality of the positions", Score(f.FixQuality), $"{Strength(f.FixQuality)}. How accurate the supporting positions were: full for a few metres, low at the limit of what counts as evidence."),
            ("Relevance of the crime type", Score(f.CategoryRelevance), $"{Strength(f.CategoryRelevance)}. Full when the crime is related to the person's index offences (or the type is not known), lower when unrelated."),
            ("Habitual place", Score(f.HabitualPlace), habitualPlace is null
                ? "Not applied. The crime was not at the person's home or a place they regularly go."
                : $"Applied. The crime was at the person's {habitualPlace}, where being is expected, so the score is discounted."),
        ];
    }

    private static string Strength(double value) => value switch
    {
        >= 0.8 => "Strong",
        >= 0.5 => "Moderate",
        >= 0.2 => "Weak",
        _ => "Little or none",
    };

    [GeneratedRegex("([A-Z])")]
    private static partial Regex Words();
}
