namespace Tagwatch.Tests;

/// <summary>
/// Locates the public reference files in tests/TestData (see its README.md for their origin and licence), which each
/// test project copies to its output directory, so the tests need nothing outside the repository.
/// </summary>
internal static class TestData
{
    public static string Path(params string[] parts)
    {
        string path = System.IO.Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException(
                $"TestData/{string.Join('/', parts)} is not in {AppContext.BaseDirectory}: copy it under tests/TestData and add its folder to the test project's TestData items");
        }

        return path;
    }
}
