using PdfSharp.Fonts;

namespace Tagwatch.Disclosure.Pdf;

/// <summary>Serves the embedded DejaVu Sans faces for every font request, so a pack never depends on the machine's fonts.</summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global and may not change after first use).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (!_installed)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
                _installed = true;
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream($"Tagwatch.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
