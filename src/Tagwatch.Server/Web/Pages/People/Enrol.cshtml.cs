using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Server.Web.Pages.People;

/// <summary>
/// Enrols a person (the <see cref="EnrolOffender"/> use case, as the API's enrolment): every field it takes, and every
/// refusal — a field it cannot read, a rule of the scheme — said against the field that answers it.
/// </summary>
[Authorize(Policy = nameof(Permission.ChangeOffenderRecords))]
[Tags("Offenders")]
internal sealed class EnrolModel(EnrolOffender enrol) : WebPageModel
{
    public sealed class Form
    {
        public string? GivenName { get; set; }

        public string? FamilyName { get; set; }

        public DateField DateOfBirth { get; set; } = new();

        public List<IndexOffence> IndexOffences { get; set; } = [];

        public bool CustodialSentenceServed { get; set; }

        public bool GpsLicenceCondition { get; set; }

        public DateField LicenceStart { get; set; } = new();

        public DateField LicenceEnd { get; set; } = new();

        public string? Latitude { get; set; }

        public string? Longitude { get; set; }

        public RiskTier? RiskTier { get; set; }

        /// <summary>A reference to enrol under; the next free one when empty.</summary>
        public string? Reference { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    /// <summary>The form's field (under <c>Input.</c>) that answers each field the use case names.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["given_name"] = nameof(Form.GivenName),
        ["family_name"] = nameof(Form.FamilyName),
        ["index_offences"] = nameof(Form.IndexOffences),
    };

    /// <summary>The form's field that answers each rule of the scheme; a rule no field answers is said above the form.</summary>
    private static readonly Dictionary<EnrolmentRule, string> RuleFields = new()
    {
        [EnrolmentRule.Adult] = nameof(Form.DateOfBirth),
        [EnrolmentRule.CustodialSentence] = nameof(Form.CustodialSentenceServed),
        [EnrolmentRule.EligibleOffence] = nameof(Form.IndexOffences),
        [EnrolmentRule.GpsCondition] = nameof(Form.GpsLicenceCondition),
        [EnrolmentRule.SchemeBorough] = nameof(Form.Latitude),
        [EnrolmentRule.LicenceDates] = nameof(Form.LicenceStart),
    };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var enrolment = Read();
        OffenderReference? reference = null;
        if (!string.IsNullOrWhiteSpace(Input.Reference))
        {
            if (OffenderReference.TryParse(Input.Reference.Trim(), out var chosen, out var error))
            {
                reference = chosen;
            }
            else
            {
                Error(nameof(Form.Reference), error ?? "not a reference");
            }
        }

        if (enrolment is null || !ModelState.IsValid)
        {
            return Page();
        }

        var result = await enrol.ExecuteAsync(await ActorAsync(), new EnrolOffenderRequest(enrolment, reference), cancellationToken);
        if (!result.Succeeded)
        {
            var failure = result.Failure;
            if (failure.Kind == FailureKind.Conflict && reference is not null)
            {
                Error(nameof(Form.Reference), failure.Message);
                return Page();
            }

            return Failed(failure.Field is { } field ? UseCaseFailure.Invalid(Fields.GetValueOrDefault(field, field), failure.Message) : failure, Page, "Input");
        }

        if (result.Value.Offender is not { } offender)
        {
            foreach (var (rule, reason) in result.Value.Decision.Refusals)
            {
                ModelState.AddModelError(RuleFields.TryGetValue(rule, out var field) ? $"Input.{field}" : "", Sentence(reason));
            }

            return Page();
        }

        string enrolled = $"{offender.Reference} enrolled: monitored {WebText.Date(offender.MonitoringStart)} to {WebText.Date(offender.MonitoringEnd)}.";
        TempData["Notice"] = result.Value.Warnings.Count == 0 ? enrolled : $"{enrolled} Check: {string.Join("; ", result.Value.Warnings)}.";
        return Redirect($"/people/{offender.Reference}");
    }

    /// <summary>The enrolment the form describes, or null with an error against every field that cannot be read.</summary>
    private EnrolmentRequest? Read()
    {
        bool born = Date(Input.DateOfBirth, nameof(Form.DateOfBirth), out var dateOfBirth);
        bool starts = Date(Input.LicenceStart, nameof(Form.LicenceStart), out var licenceStart);
        bool ends = Date(Input.LicenceEnd, nameof(Form.LicenceEnd), out var licenceEnd);
        if (Input.RiskTier is null)
        {
            Error(nameof(Form.RiskTier), "Choose the risk tier assessed at release");
        }

        GeoPoint home = default;
        bool placed = Number(Input.Latitude, nameof(Form.Latitude), out double latitude) & Number(Input.Longitude, nameof(Form.Longitude), out double longitude);
        if (placed && !GeoPoint.TryCreate(latitude, longitude, out home, out string? where))
        {
            Error(nameof(Form.Latitude), Sentence(where ?? "not a place"));
            placed = false;
        }

        return born && starts && ends && placed && Input.RiskTier is { } tier
            ? new EnrolmentRequest
            {
                Person = new PersonalDetails(Input.GivenName?.Trim() ?? "", Input.FamilyName?.Trim() ?? "", dateOfBirth),
                IndexOffences = [.. Input.IndexOffences.Distinct()],
                CustodialSentenceServed = Input.CustodialSentenceServed,
                GpsLicenceCondition = Input.GpsLicenceCondition,
                LicenceStart = licenceStart,
                LicenceEnd = licenceEnd,
                ReleaseAddress = home,
                RiskTier = tier,
            }
            : null;
    }

    private bool Date(DateField typed, string field, out LocalDate date)
    {
        if (typed.TryRead(out date, out var error))
        {
            return true;
        }

        Error(field, Sentence(error ?? "not a date"));
        return false;
    }

    private bool Number(string? text, string field, out double value)
    {
        if (double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        Error(field, string.IsNullOrWhiteSpace(text) ? "Required: the release address's position in decimal degrees" : $"'{text}' is not a number of degrees");
        return false;
    }

    private void Error(string field, string message) => ModelState.AddModelError($"Input.{field}", message);

    /// <summary>"required" → "Required": the use cases' reasons read as a sentence on the form.</summary>
    private static string Sentence(string reason) => reason.Length == 0 ? reason : char.ToUpperInvariant(reason[0]) + reason[1..];
}
