namespace Tagwatch.Storage;

/// <summary>
/// Files and folders that hold personal data — the database with its write-ahead log and shared memory, the day
/// grids, the key ring, exports and packs — are created readable by their owner alone (files 0600, folders 0700),
/// whatever the umask. On Windows, where there are no Unix modes, the folder's access list applies.
/// </summary>
public static class OwnerOnlyFiles
{
    /// <summary>Read and write for the owner only.</summary>
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Read, write and enter for the owner only.</summary>
    public const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> (and any missing parents) owner-only; an existing folder is left as it is.</summary>
    public static DirectoryInfo CreateFolder(string path) =>
        OperatingSystem.IsWindows() ? Directory.CreateDirectory(path) : Directory.CreateDirectory(path, Folder);

    /// <summary>Options that create a new file owner-only (failing if it exists).</summary>
    public static FileStreamOptions CreateNew()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = File;
        }

        return options;
    }

    /// <summary>Takes group and other access away from an existing file (one made by an earlier version, or copied
    /// in); a missing file is ignored.</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows() || !System.IO.File.Exists(path))
        {
            return;
        }

        var mode = System.IO.File.GetUnixFileMode(path);
        if ((mode & ~(File | UnixFileMode.UserExecute)) != 0)
        {
            System.IO.File.SetUnixFileMode(path, mode & File);
        }
    }
}
