using Tagwatch.Cli.Hosting;
using Spectre.Console.Cli;
using Tagwatch.Cli.Commands;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core;
using Tagwatch.Protocols;
using Tagwatch.Storage;

namespace Tagwatch.Cli;

/// <summary>The <c>tagwatch</c> command tree and its error handling.</summary>
internal static class CommandLine
{
    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("tagwatch");
        config.SetExceptionHandler((exception, _) => HandleError(exception));
        config.AddCommand<ServeCommand>("serve").WithDescription("Run the server: API, device listeners (OsmAnd, GT06, H02) and the ingest pipeline; --demo starts on a simulated pilot.");
        config.AddCommand<DemoCommand>("demo").WithDescription("Simulate a pilot (100 people × 30 days) into a fresh database and summarise it.");
        config.AddCommand<SimulateCommand>("simulate").WithDescription("Generate a synthetic pilot as CSV files (--out) and/or load it into a database (--load).");
        config.AddCommand<CorrelateCommand>("correlate").WithDescription("Check trails against crimes: scored (stores evidence-bearing matches) or --strict (every fix within a radius).");
        config.AddCommand<NearCommand>("near").WithDescription("Which tags were within a radius of a place during a time range (purpose required and recorded).");
        config.AddCommand<DecodeCommand>("decode").WithDescription("Decode captured device payloads (gt06, h02, osmand, nmea) to JSON: positions, alarms, the answer due, or why not.");
        config.AddCommand<StatsCommand>("stats").WithDescription("Show what the database holds.");
        config.AddCommand<MigrateCommand>("migrate").WithDescription("Create or upgrade the database's schema (SQLite or PostgreSQL) and report its version.");
        config.AddBranch("db", branch =>
        {
            branch.SetDescription("Moving a deployment between databases.");
            branch.AddCommand<DbCopyCommand>("copy").WithDescription("Copy a pilot's SQLite file into an empty PostgreSQL database, verifying every count and the audit chain.");
        });
        config.AddBranch("import", branch =>
        {
            branch.SetDescription("Import fixes or crimes from files.");
            branch.AddCommand<ImportFixesCommand>("fixes").WithDescription("Import fixes from CSV or GPX.");
            branch.AddCommand<ImportCrimesCommand>("crimes").WithDescription("Import crimes: MoJ batch CSV, police.uk CSV, or Tagwatch CSV.");
        });
        config.AddBranch("export", branch =>
        {
            branch.SetDescription("Export stored data.");
            branch.AddCommand<ExportFixesCommand>("fixes").WithDescription("A tag's fixes over a time range as CSV, GPX or GeoJSON.");
        });
        config.AddBranch("grid", branch =>
        {
            branch.SetDescription("Convert between WGS84 and the OS National Grid.");
            branch.AddCommand<GridToBngCommand>("to-bng").WithDescription("WGS84 latitude/longitude to easting/northing and grid reference.");
            branch.AddCommand<GridToWgs84Command>("to-wgs84").WithDescription("Easting/northing or a grid reference (TQ 30 80) to WGS84.");
        });
        config.AddBranch("offenders", branch =>
        {
            branch.SetDescription("Enrol and manage monitored people.");
            branch.AddCommand<OffendersEnrolCommand>("enrol").WithDescription("Enrol a person under the scheme's rules.");
            branch.AddCommand<OffendersListCommand>("list").WithDescription("List enrolled people.");
            branch.AddCommand<OffendersShowCommand>("show").WithDescription("Show one person's record and risk history.");
            branch.AddCommand<OffendersEndCommand>("end").WithDescription("End a person's monitoring.");
            branch.AddCommand<OffendersRiskCommand>("risk").WithDescription("Change a person's risk tier, with a reason.");
        });
        config.AddBranch("scheme", branch =>
        {
            branch.SetDescription("The scheme's rules.");
            branch.AddCommand<SchemeShowCommand>("show").WithDescription("Show the scheme's settings.");
            branch.AddCommand<SchemeSetCommand>("set").WithDescription("Change the scheme's settings.");
        });
        config.AddBranch("matches", branch =>
        {
            branch.SetDescription("Stored correlation matches: review, disclosure to the crime's borough police, outcomes.");
            branch.AddCommand<MatchesListCommand>("list").WithDescription("List matches, most significant first.");
            branch.AddCommand<MatchesShowCommand>("show").WithDescription("One match with its factors, evidence, gaps, history and amendments (JSON).");
            branch.AddCommand<MatchesQualifyCommand>("qualify").WithDescription("Qualify a match for disclosure, with a reason.");
            branch.AddCommand<MatchesDismissCommand>("dismiss").WithDescription("Dismiss a match, with a reason.");
            branch.AddCommand<MatchesDiscloseCommand>("disclose").WithDescription("Disclose a qualified, significant match to the police of the crime's borough, with the purpose.");
            branch.AddCommand<MatchesSupplementCommand>("supplement").WithDescription("Disclose an amendment of a disclosed match (a later engine result) to its police as a supplement, with the purpose.");
            branch.AddCommand<MatchesOutcomeCommand>("outcome").WithDescription("Record what came of a disclosed match.");
            branch.AddCommand<MatchesPackCommand>("pack").WithDescription("Write the disclosure pack (PDF) of a disclosed match.");
        });
        config.AddBranch("zones", branch =>
        {
            branch.SetDescription("Exclusion and inclusion zones of licences.");
            branch.AddCommand<ZonesAddCommand>("add").WithDescription("Add a zone (circle, WKT or GeoJSON) with an optional schedule and buffer.");
        });
        config.AddBranch("curfews", branch =>
        {
            branch.SetDescription("Curfews of licences.");
            branch.AddCommand<CurfewsAddCommand>("add").WithDescription("Add a curfew: the address zone, the hours, the grace period.");
        });
        config.AddBranch("conditions", branch =>
        {
            branch.SetDescription("Location conditions in force (zones and curfews).");
            branch.AddCommand<ConditionsListCommand>("list").WithDescription("List conditions in force.");
            branch.AddCommand<ConditionsEndCommand>("end").WithDescription("End a condition.");
            branch.AddCommand<ConditionsSuspendCommand>("suspend").WithDescription("Suspend a condition's alerts over a window, with a reason.");
        });
        config.AddBranch("alerts", branch =>
        {
            branch.SetDescription("Alerts for the monitoring centre.");
            branch.AddCommand<AlertsListCommand>("list").WithDescription("List alerts, newest first.");
            branch.AddCommand<AlertsShowCommand>("show").WithDescription("One alert with its evidence and trail (JSON).");
            branch.AddCommand<AlertsAckCommand>("ack").WithDescription("Acknowledge an open alert.");
            branch.AddCommand<AlertsResolveCommand>("resolve").WithDescription("Resolve an alert with a note.");
            branch.AddCommand<AlertsEvaluateCommand>("evaluate").WithDescription("Run a monitoring pass over stored fixes (after file imports).");
        });
        config.AddBranch("users", branch =>
        {
            branch.SetDescription("Accounts of the people who use the system (administrators at the console).");
            branch.AddCommand<UsersAddCommand>("add").WithDescription("Create an account: role, boroughs (police), caseload (probation).");
            branch.AddCommand<UsersListCommand>("list").WithDescription("List accounts with role, scope and state.");
            branch.AddCommand<UsersDisableCommand>("disable").WithDescription("Disable an account: its sessions and tokens stop at once.");
            branch.AddCommand<UsersEnableCommand>("enable").WithDescription("Re-enable an account.");
            branch.AddCommand<UsersResetPasswordCommand>("reset-password").WithDescription("Issue a one-time password; unlocks the account.");
            branch.AddCommand<UsersCaseloadCommand>("caseload").WithDescription("Replace a probation officer's caseload.");
            branch.AddCommand<UsersRoleCommand>("role").WithDescription("Give an account another role and scope; its sessions end.");
            branch.AddBranch("approvals", approvals =>
            {
                approvals.SetDescription("Scope grants waiting for a second administrator (Tagwatch:Accounts:RequireSecondApproval).");
                approvals.AddCommand<UsersApprovalsListCommand>("list").WithDescription("List the requests waiting for approval.");
                approvals.AddCommand<UsersApprovalsApproveCommand>("approve").WithDescription("Approve a request made by another administrator: it takes effect.");
                approvals.AddCommand<UsersApprovalsRejectCommand>("reject").WithDescription("Reject (or withdraw) a request, with a reason.");
            });
        });
        config.AddBranch("tokens", branch =>
        {
            branch.SetDescription("Personal API tokens for integrations.");
            branch.AddCommand<TokensCreateCommand>("create").WithDescription("Create a token for a user; its secret is shown once.");
            branch.AddCommand<TokensListCommand>("list").WithDescription("List tokens (never their secrets).");
            branch.AddCommand<TokensRevokeCommand>("revoke").WithDescription("Revoke a token.");
        });
        config.AddBranch("retention", branch =>
        {
            branch.SetDescription("Deleting data past its retention period; legal holds.");
            branch.AddCommand<RetentionRunCommand>("run").WithDescription("Delete (or with --dry-run count) data past retention; the erasure is audited.");
            branch.AddCommand<RetentionHoldCommand>("hold").WithDescription("Place a legal hold on a person's data, with the reason.");
            branch.AddCommand<RetentionLiftCommand>("lift").WithDescription("Lift a person's legal hold, with the reason.");
            branch.AddCommand<RetentionHoldsCommand>("holds").WithDescription("List legal holds.");
        });
        config.AddBranch("reports", branch =>
        {
            branch.SetDescription("Reports for evaluating the scheme.");
            branch.AddCommand<ReportsSummaryCommand>("summary").WithDescription("The evaluation report (counts only; small counts withheld) as JSON, or --csv.");
        });
        config.AddBranch("audit", branch =>
        {
            branch.SetDescription("The tamper-evident audit log of every access to personal and location data.");
            branch.AddCommand<AuditVerifyCommand>("verify").WithDescription("Check the hash chain: no record altered, removed or cut off.");
            branch.AddCommand<AuditExportCommand>("export").WithDescription("Extract records as JSON lines (with hashes) for an auditor.");
        });
        config.AddBranch("tags", branch =>
        {
            branch.SetDescription("The device registry.");
            branch.AddCommand<TagsAddCommand>("add").WithDescription("Register a tag.");
            branch.AddCommand<TagsListCommand>("list").WithDescription("List registered tags.");
            branch.AddCommand<TagsAssignCommand>("assign").WithDescription("Start a person wearing a tag.");
            branch.AddCommand<TagsCorrectCommand>("correct").WithDescription("Correct who wore a tag over fixes already stored, with a reason (audited; their crimes are checked again).");
            branch.AddCommand<TagsRefusedCommand>("refused").WithDescription("Devices that reported without being registered.");
            branch.AddBranch("credential", credential =>
            {
                credential.SetDescription("Upload credentials for the batch API (device or gateway).");
                credential.AddCommand<TagsCredentialCreateCommand>("create").WithDescription("Create a credential; its secret is shown once.");
                credential.AddCommand<TagsCredentialListCommand>("list").WithDescription("List credentials.");
                credential.AddCommand<TagsCredentialRevokeCommand>("revoke").WithDescription("Revoke a credential.");
            });
        });
    }

    /// <summary>Lets <c>--db PATH</c> or <c>--postgres CONNECTION</c> stand before the command as well as after it, and a lone
    /// <c>-</c> (standard input) stand as an argument.</summary>
    public static string[] HoistGlobalOptions(string[] args)
    {
        var list = args.Select(a => a == "-" ? "--stdin" : a).ToList();
        if (list.Count >= 2 && list[0] is "--db" or "--postgres")
        {
            string option = list[0];
            string value = list[1];
            list.RemoveRange(0, 2);
            list.AddRange([option, value]);
        }

        return [.. list];
    }

    private static int HandleError(Exception exception)
    {
        var (code, message) = exception switch
        {
            CommandParseException or CommandRuntimeException => (ExitCodes.Usage, exception.Message),
            ArgumentException or KeyNotFoundException or InvalidOperationException => (ExitCodes.Usage, UserMessages.Of(exception)),
            InputFormatException or StorageException => (ExitCodes.Failed, exception.Message),
            IOException or UnauthorizedAccessException => (ExitCodes.Failed, exception.Message),
            OperationCanceledException => (ExitCodes.Failed, "cancelled"),
            _ => (ExitCodes.Failed, exception.ToString()),
        };
        CliContext.Current.Error.WriteLine($"tagwatch: error: {message}");
        return code;
    }
}
