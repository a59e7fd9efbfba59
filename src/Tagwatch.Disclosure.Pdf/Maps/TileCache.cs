using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tagwatch.Disclosure.Pdf.Maps;

/// <summary>
/// Tiles kept on disk (<c>tiles/</c> beside the database), one folder per tile source (the hash of its URL template)
/// then <c>z/x/y</c>, so a changed template never serves the old source's tiles. A tile older than the age limit is
/// fetched again. Folders are the owner's alone, like every folder beside the database. Safe for concurrent use: a tile
/// is written to a temporary file and moved into place.
/// </summary>
internal sealed class TileCache(string folder, string template, TimeSpan maxAge, TimeProvider clock)
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly string _root = Path.Combine(folder, SourceKey(template));

    /// <summary>The cached tile, or null when it is missing, older than the age limit or unreadable.</summary>
    public byte[]? Read(int zoom, int x, int y)
    {
        string path = PathOf(zoom, x, y);
        try
        {
            if (!File.Exists(path) || clock.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(path) > maxAge)
            {
                return null;
            }

            return File.ReadAllBytes(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Keeps a tile; a cache that cannot be written only means the tile is fetched again next time.</summary>
    public void Write(int zoom, int x, int y, byte[] image)
    {
        string path = PathOf(zoom, x, y);
        string temporary = path + "." + Guid.NewGuid().ToString("N") + ".part";
        try
        {
            CreateFolders(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temporary, image);
            // The clock (not the file system's) dates the tile, so its age is judged on the same clock.
            File.SetLastWriteTimeUtc(temporary, clock.GetUtcNow().UtcDateTime);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The folder name of a tile source: the start of the SHA-256 of its URL template.</summary>
    public static string SourceKey(string template) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(template)))[..16];

    private string PathOf(int zoom, int x, int y) =>
        Path.Combine(_root, zoom.ToString(CultureInfo.InvariantCulture), x.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture) + ".tile");

    private static void CreateFolders(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            CreateFolders(Path.GetDirectoryName(path)!);
            Directory.CreateDirectory(path, OwnerOnlyFolder);
        }
    }
}
