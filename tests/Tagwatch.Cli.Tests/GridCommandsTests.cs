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
    public async Task ToBng_OutsideGreatBritain_FailsWithAClearMessage()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("grid", "to-bng", "40", "20");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("outside the National Grid", result.Error, StringComparison.Ordinal);
    }
}
