using System.Globalization;

namespace Tagwatch.Protocols.Tests.Nmea;

/// <summary>Every gpsd regression capture, read as <c>tagwatch import fixes --format nmea</c> does, gives the positions
/// gpsd reports for it, at the same times, and no others, but for the documented differences
/// (Nmea/gpsd-differences.txt, docs/formats.md "Agreement with gpsd").</summary>
public sealed class GpsdAgreementTests
{
    public static TheoryData<string> Captures() => [.. GpsdAgreement.Captures()];

    [Theory]
    [MemberData(nameof(Captures))]
    public void Read_GpsdCapture_AgreesWithGpsdButForDocumentedDifferences(string file)
    {
        var agreement = GpsdAgreement.Measure(file);
        var expected = GpsdAgreement.Expected();

        var undocumented = agreement.Differences.Where(d => !expected.Contains(d)).ToList();
        var gone = expected.Where(d => d.StartsWith(file + " |", StringComparison.Ordinal) && !agreement.Differences.Contains(d)).ToList();

        Assert.True(undocumented.Count == 0, "undocumented: " + string.Join(Environment.NewLine, undocumented));
        Assert.True(gone.Count == 0, "listed but no longer so: " + string.Join(Environment.NewLine, gone));
    }

    [Fact]
    public void Read_EveryGpsdCapture_AgreementFigure()
    {
        var all = GpsdAgreement.Captures().Select(GpsdAgreement.Measure).ToList();
        int total = all.Sum(a => a.GpsdPositions), matched = all.Sum(a => a.Matched);

        // The figure the formats documentation quotes; read it with --output Detailed.
        TestContext.Current.SendDiagnosticMessage(string.Create(CultureInfo.InvariantCulture,
            $"agreement with gpsd: {matched} of {total} positions ({100.0 * matched / Math.Max(total, 1):F1} %)"));
        foreach (var a in all)
        {
            TestContext.Current.SendDiagnosticMessage(string.Create(CultureInfo.InvariantCulture,
                $"{a.File}: {a.Matched} of {a.GpsdPositions}, {a.Differences.Count} differences, {a.Rejections.Count} rows refused"));
            foreach (string d in a.Differences)
            {
                TestContext.Current.SendDiagnosticMessage(d);
            }
        }

        Assert.True(total > 0);
    }
}
