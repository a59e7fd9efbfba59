using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Tagwatch.Server.Tests;

namespace Tagwatch.Web.Tests;

/// <summary>
/// A person in a browser on a running server: a fresh browser context, what the page logged (script errors, policy
/// violations), signing in, accessibility checks and screenshots.
/// </summary>
public sealed class WebSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private WebSession(IBrowserContext context, IPage page, Uri baseAddress)
    {
        _context = context;
        Page = page;
        BaseAddress = baseAddress;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                Problems.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Problems.Add($"script error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                Problems.Add($"{response.Status} for {response.Request.Method} {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    /// <summary>Script errors and console errors (a Content-Security-Policy violation is one) seen so far.</summary>
    public List<string> Problems { get; } = [];

    public static async Task<WebSession> OpenAsync(BrowserFixture browser, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(20_000);
        return new WebSession(context, await context.NewPageAsync(), baseAddress);
    }

    /// <summary>Opens a session on a seeded server signed in as one of its principals ("police", "reviewer", …).</summary>
    internal static async Task<WebSession> SignedInAsync(BrowserFixture browser, SeededApi seeded, string principal)
    {
        var session = await OpenAsync(browser, seeded.Server.Api.BaseAddress!);
        await session.SignInAsync(SeededApi.Usernames[principal], SeededApi.Password);
        return session;
    }

    public async Task SignInAsync(string username, string password, string? landsOn = "/")
    {
        await Page.GotoAsync("/sign-in");
        await Page.GetByLabel("User name").FillAsync(username);
        await Page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        if (landsOn is not null)
        {
            await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == landsOn);
        }
    }

    /// <summary>Fails with every WCAG 2.2 A/AA violation axe-core finds on the page as it is now.</summary>
    public async Task AssertAccessibleAsync()
    {
        var result = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Take(3).Select(n => n.Target.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"Accessibility violations on {Page.Url}:\n" + string.Join("\n", violations));
    }

    /// <summary>Fails when the page logged a script error or a policy violation.</summary>
    public void AssertNoProblems() => Assert.True(Problems.Count == 0, $"Problems on {Page.Url}:\n" + string.Join("\n", Problems));

    /// <summary>
    /// Saves a full-page screenshot as NAME.png: into the folder <c>TAGWATCH_SCREENSHOTS</c> names (the README's
    /// command for the documentation uses docs/screenshots), else beside the test assembly.
    /// </summary>
    public async Task ScreenshotAsync(string name)
    {
        string folder = Environment.GetEnvironmentVariable("TAGWATCH_SCREENSHOTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured, RepositoryRoot())
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tagwatch.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Environment.CurrentDirectory;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
