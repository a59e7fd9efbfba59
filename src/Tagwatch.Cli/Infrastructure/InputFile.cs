using Tagwatch.Cli.Hosting;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>Opens an input file with an error that names it.</summary>
internal static class InputFile
{
    public static FileStream Open(string path)
    {
        path = CliContext.Current.FullPath(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Input file {path} does not exist.", path);
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }
}
