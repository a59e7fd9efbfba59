using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using Tagwatch.Application.Offenders;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch offenders enrol …</c>: checks every scheme rule and enrols, or lists every reason for refusal.</summary>
internal sealed class OffendersEnrolCommand : AsyncCommand<OffendersEnrolCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--given-name <NAME>")]
        public string GivenName { get; init; } = "";

        [CommandOption("--family-name <NAME>")]
        public string FamilyName { get; init; } = "";

        [CommandOption("--dob <DATE>")]
        [Description("Date of birth, yyyy-MM-dd.")]
        public string? DateOfBirth { get; init; }

        [CommandOption("--offence <OFFENCE>")]
        [Description("Index offence (repeatable): weapon-possession, robbery, wounding, grievous-bodily-harm, aggravated-burglary, …")]
        public string[] Offences { get; init; } = [];

        [CommandOption("--custodial")]
        [Description("The person served a custodial sentence for the index offence.")]
        public bool Custodial { get; init; }

        [CommandOption("--gps-condition")]
        [Description("The licence carries a GPS monitoring condition.")]
        public bool GpsCondition { get; init; }

        [CommandOption("--licence-start <DATE>")]
        [Description("Release date (first day of the licence), yyyy-MM-dd.")]
        public string? LicenceStart { get; init; }

        [CommandOption("--licence-end <DATE>")]
        public string? LicenceEnd { get; init; }

        [CommandOption("--home-lat <LAT>")]
        public double? HomeLatitude { get; init; }

        [CommandOption("--home-lon <LON>")]
        public double? HomeLongitude { get; init; }

        [CommandOption("--home-grid <REF>")]
        [Description("Release address as a grid reference (TQ 3012 7654) instead of --home-lat/--home-lon.")]
        public string? HomeGrid { get; init; }

        [CommandOption("--risk-tier <TIER>")]
        [Description("low, medium, high or very-high.")]
        public string? RiskTier { get; init; }

        [CommandOption("--ref <REFERENCE>")]
        [Description("Pseudonymous reference to use (default: the next TW-nnnnn).")]
        public string? Reference { get; init; }

        [CommandOption("--json")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var request = new EnrolmentRequest
        {
            Person = new PersonalDetails(settings.GivenName.Trim(), settings.FamilyName.Trim(), OptionParsers.Date(settings.DateOfBirth, "--dob")),
            IndexOffences = settings.Offences.Select(o => OptionParsers.Enum<IndexOffence>(o, "--offence")).ToList(),
            CustodialSentenceServed = settings.Custodial,
            GpsLicenceCondition = settings.GpsCondition,
            LicenceStart = OptionParsers.Date(settings.LicenceStart, "--licence-start"),
            LicenceEnd = OptionParsers.Date(settings.LicenceEnd, "--licence-end"),
            ReleaseAddress = Home(settings),
            RiskTier = OptionParsers.Enum<RiskTier>(settings.RiskTier, "--risk-tier"),
        };
        var reference = settings.Reference is null ? (Core.Identity.OffenderReference?)null : OptionParsers.Reference(settings.Reference);
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var enrolled = await services.Provider.GetRequiredService<EnrolOffender>()
            .ExecuteAsync(ConsoleActor.ProbationForEveryone, new EnrolOffenderRequest(request, reference), cancellationToken);
        if (!enrolled.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(enrolled.Failure));
            return UseCaseExit.Code(enrolled.Failure);
        }

        var result = enrolled.Value;
        if (settings.Json)
        {
            CliContext.Current.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
            {
                accepted = result.Decision.IsAccepted,
                reference = result.Offender?.Reference.Value,
                monitoring_start = result.Offender is null ? null : OffenderView.Date(result.Offender.MonitoringStart),
                monitoring_end = result.Offender is null ? null : OffenderView.Date(result.Offender.MonitoringEnd),
                refusals = result.Decision.Refusals.Select(r => new { rule = OptionParsers.Kebab(r.Rule.ToString()), reason = r.Reason }),
                warnings = result.Warnings,
                likely_duplicates = result.LikelyDuplicates.Select(r => r.Value),
            }));
            return result.Decision.IsAccepted ? ExitCodes.Ok : ExitCodes.Refused;
        }
        else if (result.Offender is { } offender)
        {
            CliContext.Current.Console.MarkupLineInterpolated($"[green]Enrolled[/] {offender.Reference}: {result.Decision.HomeBorough!.Name}, monitored {OffenderView.Date(offender.MonitoringStart)} to {OffenderView.Date(offender.MonitoringEnd)}.");
        }
        else
        {
            CliContext.Current.Console.MarkupLine("[red]Refused[/]:");
            foreach (var (rule, reason) in result.Decision.Refusals)
            {
                CliContext.Current.Console.MarkupLineInterpolated($"  {OptionParsers.Kebab(rule.ToString())}: {reason}");
            }
        }

        foreach (string warning in result.Warnings)
        {
            CliContext.Current.Console.MarkupLineInterpolated($"[yellow]Warning[/]: {warning}");
        }

        return result.Decision.IsAccepted ? ExitCodes.Ok : ExitCodes.Refused;
    }

    private static GeoPoint Home(Settings settings)
    {
        if (settings.HomeGrid is { } text)
        {
            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && double.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out double e)
                && double.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out double n))
            {
                return NationalGrid.ToWgs84(new GridPoint(e, n));
            }

            return GridReference.TryParse(text, out var centre, out _, out var error)
                ? NationalGrid.ToWgs84(centre)
                : throw new ArgumentException($"--home-grid: {error}");
        }

        if (settings.HomeLatitude is not { } lat || settings.HomeLongitude is not { } lon)
        {
            throw new ArgumentException("the release address is required: --home-lat and --home-lon, or --home-grid");
        }

        return GeoPoint.TryCreate(lat, lon, out var point, out var reason) ? point : throw new ArgumentException($"--home-lat/--home-lon: {reason}");
    }
}
