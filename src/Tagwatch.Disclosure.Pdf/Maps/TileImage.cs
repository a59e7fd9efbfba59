namespace Tagwatch.Disclosure.Pdf.Maps;

/// <summary>Recognises the image formats the PDF can embed by their signatures, before anything is cached or drawn.</summary>
internal static class TileImage
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    public static bool IsPngOrJpeg(ReadOnlySpan<byte> image) => image.StartsWith(PngSignature) || image.StartsWith(JpegSignature);
}
