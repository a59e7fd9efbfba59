using Tagwatch.Cli.Hosting;
using Tagwatch.Storage;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>Writes an output file whole or not at all: into a temporary file beside it, renamed over it once complete,
/// so a command that fails or is refused half way never leaves a previous file truncated or a new one half written.
/// The file is readable by its owner alone.</summary>
internal static class WholeFile
{
    /// <summary>Refuses, before any work is done, a file whose folder does not exist.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static void CheckFolder(string path)
    {
        string? folder = Path.GetDirectoryName(CliContext.Current.FullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"cannot write {path}: the folder {folder} does not exist");
        }
    }

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static async Task WriteAsync(string path, Func<Stream, Task> write)
    {
        CheckFolder(path);
        string full = CliContext.Current.FullPath(path);
        string temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            // Owner-only from its creation (exports and packs hold personal data); the rename keeps the mode.
            await using (var stream = new FileStream(temporary, OwnerOnlyFiles.CreateNew()))
            {
                await write(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // gone already when the rename succeeded
        }
    }

    /// <summary>Writes text lines (ending in "\n") to <paramref name="path"/> through <paramref name="write"/>.</summary>
    public static Task WriteTextAsync(string path, Func<TextWriter, Task> write) =>
        WriteAsync(path, async stream =>
        {
            await using var writer = new StreamWriter(stream, leaveOpen: true) { NewLine = "\n" };
            await write(writer);
        });
}
