using System.Text.Json.Serialization;
using Tagwatch.Protocols;

namespace Tagwatch.Application.Imports;

/// <summary>What an import did, row by row: the summary printed by <c>--json</c> and the CLI's table.</summary>
public sealed class ImportReport
{
    /// <summary>Most errors listed; beyond this only <see cref="ErrorCount"/> grows.</summary>
    public const int MaxListedErrors = 1000;

    private readonly List<RowError> _errors = [];

    /// <summary>Rows read (excluding the header and blank lines).</summary>
    [JsonPropertyName("rows")]
    public long Rows { get; set; }

    /// <summary>Rows stored as new records (or new versions).</summary>
    [JsonPropertyName("accepted")]
    public long Accepted { get; set; }

    /// <summary>Rows already held exactly (a re-import or resubmission).</summary>
    [JsonPropertyName("duplicates")]
    public long Duplicates { get; set; }

    /// <summary>Accepted rows that became a new version of a record already held (crimes resubmitted with changes).</summary>
    [JsonPropertyName("updated")]
    public long Updated { get; set; }

    /// <summary>Accepted rows with a quality concern: a fix quality flag, or a crime outside every London borough.</summary>
    [JsonPropertyName("flagged")]
    public long Flagged { get; set; }

    /// <summary>Rows rejected with at least one error.</summary>
    [JsonPropertyName("rejected")]
    public long Rejected { get; set; }

    /// <summary>Errors found, including those beyond the listed ones.</summary>
    [JsonPropertyName("error_count")]
    public long ErrorCount { get; set; }

    /// <summary>The first <see cref="MaxListedErrors"/> errors.</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyList<ImportError> Errors => _errors.Select(e => new ImportError(e.Row, e.Field, e.Reason)).ToList();

    /// <summary>Counts a rejected row and records its errors.</summary>
    public void Reject(IReadOnlyList<RowError> errors)
    {
        Rejected++;
        foreach (var error in errors)
        {
            ErrorCount++;
            if (_errors.Count < MaxListedErrors)
            {
                _errors.Add(error);
            }
        }
    }

    /// <summary>Crimes this import created or changed (force, reference): what incremental correlation must check.</summary>
    [JsonIgnore]
    public List<(string Force, string Reference)> ChangedCrimes { get; } = [];

    /// <summary>Time span of the fixes this import stored, when any: what incremental correlation must re-check.</summary>
    [JsonIgnore]
    public (NodaTime.Instant From, NodaTime.Instant To)? FixSpan { get; set; }

    /// <summary>The raw errors, for display.</summary>
    [JsonIgnore]
    public IReadOnlyList<RowError> RowErrors => _errors;
}
