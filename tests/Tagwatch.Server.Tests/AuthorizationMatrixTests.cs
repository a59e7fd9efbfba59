using System.Net;
using System.Text;
using System.Text.Json;

namespace Tagwatch.Server.Tests;

/// <summary>
/// Calls every operation of the OpenAPI document as every kind of caller and checks the exact set that gets through.
/// An operation missing from <see cref="Allowed"/> fails the test, so no new endpoint escapes the policy.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private const string Everyone = "admin monitoring probation probation-other police police-other reviewer evaluator auditor";

    /// <summary>Who gets past authorisation and scope, per operation.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["SignIn"] = "anonymous device " + Everyone,
        ["SignInWithProvider"] = "anonymous device " + Everyone,
        ["GetSession"] = Everyone,
        ["SignOut"] = Everyone,
        ["ChangePassword"] = Everyone,
        // Only from a signed-in session (with the password and a current code): no token caller gets through.
        ["StartSecondFactor"] = "",
        ["ConfirmSecondFactor"] = "",
        ["ListOwnTokens"] = Everyone,
        ["CreateOwnToken"] = Everyone,
        ["RevokeToken"] = Everyone,
        ["ListUsers"] = "admin",
        ["CreateUser"] = "admin",
        ["DisableUser"] = "admin",
        ["EnableUser"] = "admin",
        ["ResetPassword"] = "admin",
        ["ReplaceCaseload"] = "admin",
        ["ChangeRole"] = "admin",
        ["ListAccountApprovals"] = "admin",
        ["ApproveAccountChange"] = "admin",
        ["RejectAccountChange"] = "admin",
        ["ListTags"] = "admin",
        ["GetScheme"] = "admin",
        ["ChangeScheme"] = "admin",
        ["LivePositions"] = "monitoring",
        ["ListAlerts"] = "monitoring probation probation-other",
        ["GetAlert"] = "monitoring probation probation-other",
        ["StreamAlerts"] = "monitoring probation probation-other",
        ["AcknowledgeAlert"] = "monitoring",
        ["ResolveAlert"] = "monitoring",
        ["ListOffenders"] = "monitoring probation probation-other",
        ["GetOffender"] = "monitoring probation",
        ["GetOffenderConditions"] = "monitoring probation",
        // The trail and search areas lie in "police-other"'s borough (Lambeth), not in "police"'s.
        ["GetOffenderTrail"] = "monitoring probation police-other",
        ["SearchNear"] = "probation probation-other police-other",
        ["ListMatches"] = "police police-other reviewer",
        ["GetMatch"] = "police reviewer",
        ["QualifyMatch"] = "reviewer",
        ["DismissMatch"] = "reviewer",
        ["DiscloseMatch"] = "reviewer",
        ["DiscloseMatchSupplement"] = "reviewer",
        ["RecordMatchOutcome"] = "police",
        ["GetDisclosurePack"] = "police reviewer",
        ["SchemeSummary"] = "evaluator",
        ["SearchAudit"] = "auditor",
        ["ExportAudit"] = "auditor",
        ["VerifyAudit"] = "auditor",
        ["IngestBatch"] = "device",
        ["GetRetention"] = "admin",
        ["ImportCrimes"] = "police police-other reviewer",
        ["AddCondition"] = "probation",
        ["EnrolOffender"] = "probation probation-other",
        ["EndMonitoring"] = "probation",
        ["ChangeRiskTier"] = "probation",
        ["RegisterTag"] = "admin",
        ["AssignTag"] = "admin",
        ["CorrectTagAssignment"] = "admin",
        ["ReturnTag"] = "admin",
        ["SwapTag"] = "admin",
        ["ListDeviceCredentials"] = "admin",
        ["CreateDeviceCredential"] = "admin",
        ["RevokeDeviceCredential"] = "admin",
        ["ListRefusedDevices"] = "admin",
        ["EndCondition"] = "probation",
        ["SuspendCondition"] = "probation",
        ["ChangeCondition"] = "probation",
        ["ListCrimes"] = "police police-other reviewer",
        ["CountCrimesByMonth"] = "police police-other reviewer",
        ["ListAreaCrimes"] = "police police-other reviewer",
        ["ListCorrelationRuns"] = "reviewer",
        ["StartCorrelationRun"] = "reviewer",
        ["PlaceLegalHold"] = "admin",
        ["LiftLegalHold"] = "admin",
        ["ListNotifications"] = "admin monitoring",
        ["GetNotificationSettings"] = "admin monitoring probation probation-other",
        ["SubscribeToCaseloadAlerts"] = "probation probation-other",
        ["UnsubscribeFromCaseloadAlerts"] = "probation probation-other",
    };

    [Fact]
    public async Task Every_operation_lets_through_exactly_the_callers_the_policy_allows()
    {
        await using var api = await SeededApi.StartAsync();
        var operations = await OperationsAsync(api);

        Assert.Empty(operations.Select(o => o.Id).Except(Allowed.Keys));
        Assert.Empty(Allowed.Keys.Except(operations.Select(o => o.Id)));
        var wrong = new List<string>();
        foreach (var operation in operations)
        {
            var expected = Allowed[operation.Id].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            foreach (string principal in SeededApi.Principals)
            {
                using var client = api.ClientFor(principal);
                using var request = Request(api, operation);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                bool through = response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
                if (operation.Path.StartsWith("/api/v1/matches/{id}", StringComparison.Ordinal) && !operation.Path.Contains("{number}", StringComparison.Ordinal))
                {
                    // The match exists: a 404 is a scope refusal that does not reveal it.
                    through = through && response.StatusCode != HttpStatusCode.NotFound;
                }

                if (operation.Id == "SignIn")
                {
                    through = response.StatusCode == HttpStatusCode.OK;
                }

                if ((int)response.StatusCode >= 500)
                {
                    wrong.Add($"{operation.Method} {operation.Path} ({operation.Id}) as {principal}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }

                if (Environment.GetEnvironmentVariable("TAGWATCH_MATRIX_TRACE") is not null)
                {
                    Console.WriteLine($"{operation.Id,-24} {principal,-16} {(int)response.StatusCode}");
                }

                if (through != expected.Contains(principal))
                {
                    wrong.Add($"{operation.Method} {operation.Path} ({operation.Id}) as {principal}: {(int)response.StatusCode}, expected {(expected.Contains(principal) ? "allowed" : "refused")}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private sealed record Operation(string Method, string Path, string Id);

    private static async Task<List<Operation>> OperationsAsync(SeededApi api)
    {
        using var document = JsonDocument.Parse(await api.Server.Api.GetStringAsync("/openapi/v1.json"));
        var operations = new List<Operation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                string id = method.Value.TryGetProperty("operationId", out var op) ? op.GetString()! : $"{method.Name} {path.Name} (no operationId)";
                operations.Add(new Operation(method.Name.ToUpperInvariant(), path.Name, id));
            }
        }

        return operations;
    }

    private static HttpRequestMessage Request(SeededApi api, Operation operation)
    {
        string match = api.DisclosedMatch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string path = operation.Path
            .Replace("{reference}", api.CaseloadReference, StringComparison.Ordinal)
            .Replace("{username}", "target.user", StringComparison.Ordinal)
            .Replace("{id}", operation.Path.StartsWith("/api/v1/matches/", StringComparison.Ordinal) ? match : "999999", StringComparison.Ordinal)
            .Replace("{number}", "1", StringComparison.Ordinal);
        var start = api.Pilot.Options.Start.AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).ToInstant() + NodaTime.Duration.FromHours(12);
        string query = operation.Id switch
        {
            "ImportCrimes" => "?format=tagwatch",
            "ListCrimes" => $"?from={start - NodaTime.Duration.FromDays(2)}&to={start + NodaTime.Duration.FromDays(5)}",
            "ListAreaCrimes" => "?from=2019-02&to=2019-02",
            "GetOffenderTrail" => $"?from={start}&to={start + NodaTime.Duration.FromHours(1)}&purpose=robbery%20investigation%20ref%20123&lat=51.47&lon=-0.11&radius=500",
            _ => "",
        };
        string body = operation.Id switch
        {
            "SignIn" => """{"username":"target.user","password":"correct horse battery staple"}""",
            "ChangePassword" => """{"current":"not my password at all","replacement":"another long passphrase"}""",
            "ConfirmSecondFactor" => """{"code":"000000"}""",
            "CreateOwnToken" => """{"name":"matrix","days":1}""",
            "CreateUser" => """{"username":"made.in.matrix","role":"Evaluator"}""",
            "ReplaceCaseload" => $$"""{"caseload":["{{api.CaseloadReference}}"]}""",
            "AcknowledgeAlert" or "ResolveAlert" => """{"note":"called the wearer"}""",
            "SearchNear" => $$"""{"latitude":51.47,"longitude":-0.11,"radius":500,"from":"{{start}}","to":"{{start + NodaTime.Duration.FromHours(1)}}","purpose":"robbery investigation ref 123"}""",
            "RejectAccountChange" => """{"reason":"matrix check of the policy"}""",
            "QualifyMatch" or "DismissMatch" or "DiscloseMatch" or "DiscloseMatchSupplement" => """{"reason":"matrix check of the policy"}""",
            "PlaceLegalHold" => """{"reason":"appeal pending"}""",
            "RecordMatchOutcome" => """{"outcome":"Eliminated","note":"alibi confirmed"}""",
            "IngestBatch" => "[]",
            "ChangeRole" => """{"role":"ProbationOfficer"}""",
            "ChangeScheme" => """{"capacity":100}""",
            "EnrolOffender" => """{"given_name":"Alex","family_name":"Matrix","date_of_birth":"1990-01-01","index_offences":["Robbery"],"custodial_sentence_served":true,"gps_licence_condition":true,"licence_start":"2019-03-01","licence_end":"2019-09-01","latitude":51.45,"longitude":-0.1,"risk_tier":"High"}""",
            "RegisterTag" => """{"id":"359881999000001","protocol":"gt06"}""",
            "AssignTag" => $$"""{"offender":"{{api.CaseloadReference}}","from":"2030-01-01T00:00:00Z"}""",
            "CorrectTagAssignment" => $$"""{"offender":"{{api.CaseloadReference}}","from":"2030-01-01T00:00:00Z","reason":"matrix check of the policy"}""",
            "SwapTag" => """{"new_tag":"359881999000002"}""",
            "CreateDeviceCredential" => """{"name":"matrix gateway"}""",
            "AddCondition" => """{"kind":"exclusion","label":"victim's street","area":{"circle":{"latitude":51.47,"longitude":-0.11,"radius":150}},"schedule":"always"}""",
            "SuspendCondition" => """{"from":"2030-01-01T09:00:00Z","to":"2030-01-01T12:00:00Z","reason":"court appearance"}""",
            "ChangeCondition" => """{"label":"victim's street","area":{"circle":{"latitude":51.47,"longitude":-0.11,"radius":200}},"schedule":"always"}""",
            "ImportCrimes" => "crime_ref,category,lat,lon,committed_from,committed_to\nMX1,robbery,51.47,-0.11,2019-02-18T10:00:00Z,2019-02-18T11:00:00Z\n",
            "StartCorrelationRun" => """{"all_tags":false}""",
            "EndMonitoring" => """{"reason":"matrix check of the policy","last_day":"2030-01-01"}""",
            "ChangeRiskTier" => """{"tier":"high","reason":"matrix check of the policy"}""",
            "SubscribeToCaseloadAlerts" => """{"email":"duty.officer@probation.example.gov.uk"}""",
            _ => "{}",
        };
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path + query);
        if (operation.Method is "POST" or "PUT")
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return request;
    }
}
