namespace Tagwatch.Cli.Tests;

public sealed class GridCommandsTests
{
    [Fact]
    public async Task ToBng_Arguments_PrintsEastingNorthingAndReference()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("grid", "to-bng", "51.4613", "-0.1156");

        Assert.Equal(0, result.ExitCode);
        var parts = result.Output.Trim().Split(' ');
        Assert.InRange(double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), 530700, 531200);
        Assert.StartsWith("TQ", parts[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToWgs84_GridReference_PrintsTheCentreOfTheSquare()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("grid", "to-wgs84", "TQ", "30", "80");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^51\.508\d+ -0\.120\d+$", result.Output.Trim());
    }

    [Fact]
    public async Task ToWgs84_StandardInput_ConvertsEachLineAndReportsBadOnes()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync(["grid", "to-wgs84"], "530000 180000\nTQ 388 798\nnonsense\n651409.903,313177.270\n");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(3, result.Output.Trim().Split('\n').Length);
        Assert.Contains("line 3", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToBng_OsTestPointTp09_PrintsOsOstn15ResultToTheMillimetre()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("grid", "to-bng", "51.48936564950", "-0.11992557180");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("530624.974 178388.464 TQ 30624 78388", result.Output.Trim());
    }

    [Fact]
    public async Task ToWgs84_OsTestPointTp09_PrintsOsOstn15Result()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("grid", "to-wgs84", "530624.974", "178388.464");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("51.4893656 -0.1199256", result.Output.Trim());
    }

    [Fact]
    public async Task ToBng_NorthOfTheOstn15Grid_SaysTheHelmertFallbackWasUsed()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync(["grid", "to-bng"], "60.15 -1.15\n61.3 -1.0\n");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Trim().Split('\n');
        Assert.DoesNotContain("Helmert", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("(Helmert fallback: outside the OSTN15 grid, good to about 5 m)", lines[1].TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToWgs84_NorthOfTheOstn15Grid_SaysTheHelmertFallbackWasUsed()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("grid", "to-wgs84", "450000", "1280000");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^61\.\d+ -1\.\d+ \(Helmert fallback: outside the OSTN15 grid, good to about 5 m\)$", result.Output.Trim());
    }

    [Fact]
    public async Task ToBng_OutsideGreatBritain_FailsWithAClearMessage()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("grid", "to-bng", "40", "20");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("outside the National Grid", result.Error, StringComparison.Ordinal);
    }
}
