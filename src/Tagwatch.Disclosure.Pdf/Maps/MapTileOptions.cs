namespace Tagwatch.Disclosure.Pdf.Maps;

/// <summary>
/// The street map tile source (section <c>Tagwatch:Map:Tiles</c>), shared by the disclosure pack's evidence map and
/// the web application's maps. No template (the default) means no street map: maps draw on a plain background.
/// </summary>
/// <remarks>The tile server learns which areas are looked at (the tiles' z/x/y), so name one the force trusts with that.</remarks>
public sealed record MapTileOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string Section = "Tagwatch:Map:Tiles";

    /// <summary>An XYZ URL template with <c>{z}</c>, <c>{x}</c> and <c>{y}</c>, e.g. <c>https://tile.example/{z}/{x}/{y}.png</c>;
    /// empty for none.</summary>
    public string? TileUrlTemplate { get; init; }

    /// <summary>The attribution the tiles' licence requires, printed on every map drawn on them (required with a template).</summary>
    public string? Attribution { get; init; }

    /// <summary>The highest zoom level the source serves.</summary>
    public int MaxZoom { get; init; } = 19;

    /// <summary>The User-Agent sent with every tile request (tile usage policies ask for one that identifies the application).</summary>
    public string UserAgent { get; init; } = "Tagwatch disclosure packs";

    /// <summary>How long one tile request may take before the map falls back to the plain background.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many tiles are fetched at once (tile usage policies ask for two at most).</summary>
    public int MaxConcurrentFetches { get; init; } = 2;

    /// <summary>How long a cached tile is used before it is fetched again.</summary>
    public TimeSpan CacheMaxAge { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Whether a tile source is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(TileUrlTemplate);

    /// <summary>Every problem with the settings, each naming its key; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enabled)
        {
            return problems;
        }

        string template = TileUrlTemplate!;
        foreach (string placeholder in new[] { "{z}", "{x}", "{y}" })
        {
            if (!template.Contains(placeholder, StringComparison.Ordinal))
            {
                problems.Add($"TileUrlTemplate: '{template}' has no {placeholder}; give an XYZ template such as https://tile.example/{{z}}/{{x}}/{{y}}.png");
            }
        }

        string probe = template.Replace("{z}", "0", StringComparison.Ordinal).Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"TileUrlTemplate: '{template}' is not an http:// or https:// address");
        }

        if (string.IsNullOrWhiteSpace(Attribution))
        {
            problems.Add("Attribution: required with a TileUrlTemplate: the text the tiles' licence requires on every map (e.g. \"© OpenStreetMap contributors\")");
        }

        if (MaxZoom is < 0 or > 22)
        {
            problems.Add($"MaxZoom: {MaxZoom} is not a zoom level from 0 to 22");
        }

        if (string.IsNullOrWhiteSpace(UserAgent))
        {
            problems.Add("UserAgent: required (tile servers refuse anonymous clients)");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add($"Timeout: {Timeout} must be positive");
        }

        if (MaxConcurrentFetches < 1)
        {
            problems.Add($"MaxConcurrentFetches: {MaxConcurrentFetches} must be at least 1");
        }

        if (CacheMaxAge < TimeSpan.Zero)
        {
            problems.Add($"CacheMaxAge: {CacheMaxAge} must not be negative");
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem.</summary>
    /// <exception cref="ArgumentException">The settings are unusable; the message lists every problem under its key.</exception>
    public void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid map tile settings ({Section}):\n  " + string.Join("\n  ", problems));
        }
    }
}
