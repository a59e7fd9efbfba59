using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Tagwatch.Server.Tests;

/// <summary>
/// Only Storage may know the database: every other product assembly reaches stores through Application interfaces, so a
/// second database needs no change outside Storage. Read from the compiled assemblies beside the tests, so nothing
/// (a using, a cast, a helper) can slip past.
/// </summary>
public sealed class StorageIsolationTests
{
    /// <summary>The product's assemblies outside Storage, by file name (the console's is <c>tagwatch</c>, its command name).</summary>
    public static readonly TheoryData<string> ProductAssemblies =
    [
        "Tagwatch.Core", "Tagwatch.Correlation", "Tagwatch.Protocols", "Tagwatch.Application", "Tagwatch.Simulation",
        "Tagwatch.Disclosure.Pdf", "Tagwatch.Server", "tagwatch",
    ];

    /// <summary>Assemblies that bind to one database engine.</summary>
    private static readonly string[] ForbiddenAssemblyPrefixes = ["Microsoft.Data.Sqlite", "SQLitePCLRaw", "Microsoft.EntityFrameworkCore.Sqlite"];

    [Theory]
    [MemberData(nameof(ProductAssemblies))]
    public void Assembly_OutsideStorage_ReferencesNoSqliteAssemblyNorConcreteStore(string assembly)
    {
        string path = Path.Combine(AppContext.BaseDirectory, assembly + ".dll");
        Assert.True(File.Exists(path), $"{path} is missing beside the tests");
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();

        var found = new List<string>();
        foreach (var handle in metadata.AssemblyReferences)
        {
            string name = metadata.GetString(metadata.GetAssemblyReference(handle).Name);
            if (ForbiddenAssemblyPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add($"assembly {name}");
            }
        }

        foreach (var handle in metadata.TypeReferences)
        {
            var type = metadata.GetTypeReference(handle);
            string ns = metadata.GetString(type.Namespace);
            string name = metadata.GetString(type.Name);
            if (IsConcreteStorage(ns, name))
            {
                found.Add($"type {ns}.{name}");
            }
        }

        Assert.True(found.Count == 0, $"{assembly} references:\n  {string.Join("\n  ", found.Distinct().Order(StringComparer.Ordinal))}");
    }

    /// <summary>A store bound to one engine (<c>Sqlite…</c>, <c>Ef…</c>) or the transitional bag of them.</summary>
    private static bool IsConcreteStorage(string ns, string name) =>
        ns.StartsWith("Tagwatch.Storage", StringComparison.Ordinal)
        && (name.StartsWith("Sqlite", StringComparison.Ordinal) || name.StartsWith("Ef", StringComparison.Ordinal)
            || (ns == "Tagwatch.Storage" && name == "TagwatchServices"));
}
