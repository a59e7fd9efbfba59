using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Tests;

/// <summary>A crime import is one use case whichever door it comes through: the API and the console record it alike.</summary>
public sealed class CrimeImportDoorsTests
{
    [Fact]
    public async Task The_same_import_through_the_api_and_the_console_writes_the_same_audit_record()
    {
        await using var server = await RunningServer.StartAsync();
        var users = server.App.Services.GetRequiredService<IUserAccounts>();
        await users.CreateAsync(new NewUser("rae.reviewer", Role.MatchReviewer, [], []), "correct horse battery staple", TestContext.Current.CancellationToken);
        var (_, secret) = await server.App.Services.GetRequiredService<IApiTokens>().CreateTokenAsync("rae.reviewer", "tests", TimeSpan.FromHours(1), TestContext.Current.CancellationToken);
        using var reviewer = new HttpClient { BaseAddress = server.Api.BaseAddress };
        reviewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        // Two files of the same shape (other references, so neither is a duplicate of the other): two good rows and a bad one.
        var api = await reviewer.PostAsync(new Uri("/api/v1/crimes/import?format=tagwatch", UriKind.Relative), new StringContent(File("API"), Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        string file = Path.Combine(server.Directory, "crimes.csv");
        await System.IO.File.WriteAllTextAsync(file, File("CLI"), TestContext.Current.CancellationToken);
        var (exitCode, error) = await RunConsoleAsync("import", "crimes", file, "--format", "tagwatch", "--json", "--db", server.Services.Sqlite.Path);
        Assert.True(exitCode == 3, error); // 3: a row was rejected

        var records = await server.Services.Audit.SearchAsync(new AuditQuery(Action: AuditActions.ImportCrimes), TestContext.Current.CancellationToken);
        Assert.Equal(2, records.Count);
        var (byApi, byConsole) = (records.Single(r => r.Event.Actor == "rae.reviewer").Event, records.Single(r => r.Event.Actor != "rae.reviewer").Event);
        Assert.StartsWith("console:", byConsole.Actor, StringComparison.Ordinal);
        Assert.Equal(byApi with { Actor = byConsole.Actor }, byConsole);
        Assert.Equal("tagwatch file: 3 rows, 2 accepted, 0 updated, 0 duplicates, 1 rejected", byApi.Data);
    }

    private static string File(string prefix) => $"""
        crime_ref,category,lat,lon,committed_from,committed_to
        {prefix}-1,robbery,51.4613,-0.1156,2019-02-18T10:00:00Z,2019-02-18T10:30:00Z
        {prefix}-2,robbery,51.3762,-0.0982,2019-02-18T10:00:00Z,2019-02-18T10:30:00Z
        {prefix}-3,robbery,95.0,-0.1,2019-02-18T10:00:00Z,2019-02-18T10:30:00Z

        """;

    /// <summary>The real console, in a process of its own, on the server's database.</summary>
    private static async Task<(int ExitCode, string Error)> RunConsoleAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tagwatch.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("TAGWATCH_DB");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return (process.ExitCode, await error);
    }
}
