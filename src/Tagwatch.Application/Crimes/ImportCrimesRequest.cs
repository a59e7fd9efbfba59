namespace Tagwatch.Application.Crimes;

/// <summary>A crime file to import.</summary>
/// <param name="Format">What kind of file it is.</param>
/// <param name="Content">The file's text, read once as the import goes.</param>
/// <param name="Force">The police force key of a <see cref="CrimeFileFormat.Tagwatch"/> file (default <c>METROPOLITAN</c>).</param>
/// <param name="Correlate">Whether to check what the import changed against trails straight away.</param>
public sealed record ImportCrimesRequest(CrimeFileFormat Format, TextReader Content, string? Force = null, bool Correlate = true);
