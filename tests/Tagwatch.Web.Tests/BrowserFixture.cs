using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Tagwatch.Web.Tests.BrowserFixture))]

namespace Tagwatch.Web.Tests;

/// <summary>
/// One headless Chromium for the whole run: the machine's own (Debian's <c>chromium</c>, or <c>TAGWATCH_CHROMIUM</c>),
/// never a downloaded browser. Each test opens its own context (cookies and storage apart).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("TAGWATCH_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {ChromiumPath} (Debian: apt-get install chromium; or set TAGWATCH_CHROMIUM).");
        }

        // The suite runs its assemblies side by side on two cores: a page that loads a trail or a map can take more
        // than Playwright's five seconds there. These tests check behaviour; speed is measured by the benchmark.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Tests run as root in CI containers, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
