using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Application.Fixes;

/// <summary>A tag's fixes between <paramref name="From"/> and <paramref name="To"/> (each open-ended when null) in
/// <paramref name="Format"/>, written to <paramref name="Destination"/> (a file name, or null for standard output; recorded).</summary>
/// <param name="Tag">The tag as typed (checked here, so a malformed one is invalid and an unregistered one not found).</param>
public sealed record ExportFixesRequest(string Tag, Instant? From, Instant? To, FixExportFormat Format, string? Destination = null);

/// <summary>The fixes an export holds, in time order.</summary>
public sealed record FixExport(TagId Tag, Instant From, Instant To, FixExportFormat Format, IReadOnlyList<Fix> Fixes);

/// <summary>Decoded fix rows from a file to store.</summary>
/// <param name="Rows">The rows, read as the import goes.</param>
/// <param name="FileName">The file's name (recorded).</param>
/// <param name="Protocol">The protocol tags created by the import are registered under (<c>import</c>, <c>gpx</c>, <c>nmea</c>).</param>
/// <param name="CreateTags">Register unknown tags instead of rejecting their rows.</param>
/// <param name="Tag">The one tag a GPX or NMEA file is about, when it names one (recorded as the subject).</param>
public sealed record ImportFixesRequest(IEnumerable<ParsedRow<FixRecord>> Rows, string FileName, string Protocol, bool CreateTags, string? Tag = null);
