namespace Tagwatch.Disclosure.Pdf.Maps;

/// <summary>One XYZ (Web Mercator) tile: its address and its image as the source sent it (PNG or JPEG).</summary>
public sealed record MapTile(int Zoom, int X, int Y, byte[] Image);
