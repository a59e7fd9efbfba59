using System.Globalization;

namespace Tagwatch.Protocols.Tests.Devices;

/// <summary>Every GT06, H02 and OsmAnd vector of Traccar's decoder tests, decoded the way <c>tagwatch decode</c> does,
/// agrees with what Traccar's decoder finds (tests/TestData/protocol-samples/traccar-expectations.jsonl).</summary>
public sealed class TraccarAgreementTests
{
    public static TheoryData<string, int> Vectors() =>
        [.. TraccarExpectation.LoadAll().Select(e => (e.Protocol, e.Line))];

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Decode_TraccarVector_AgreesWithTraccar(string protocol, int line)
    {
        var expectation = TraccarExpectation.LoadAll().Single(e => e.Protocol == protocol && e.Line == line);

        string? disagreement = expectation.Disagreement();

        Assert.True(disagreement is null, disagreement);
    }

    [Fact]
    public void Decode_EveryTraccarVector_AgreementIsComplete()
    {
        var expectations = TraccarExpectation.LoadAll();
        var disagreements = expectations.Select(e => (e, Why: e.Disagreement())).Where(x => x.Why is not null).ToList();
        double percent = 100.0 * (expectations.Count - disagreements.Count) / expectations.Count;

        // The figure the formats documentation quotes; read it with --output Detailed.
        TestContext.Current.SendDiagnosticMessage(string.Create(CultureInfo.InvariantCulture,
            $"agreement with Traccar: {expectations.Count - disagreements.Count} of {expectations.Count} vectors ({percent:F1} %)"));
        foreach (var (e, why) in disagreements)
        {
            TestContext.Current.SendDiagnosticMessage($"{e}: {why}");
        }

        Assert.True(disagreements.Count == 0, string.Create(CultureInfo.InvariantCulture,
            $"{percent:F1} % agreement; first disagreements: {string.Join(" | ", disagreements.Take(5).Select(d => $"{d.e}: {d.Why}"))}"));
    }

    [Fact]
    public void Expectations_CoverEveryVectorOfTheThreeProtocols()
    {
        var expected = TraccarExpectation.LoadAll().Select(e => $"{e.Protocol}:{e.Line}").Order().ToList();
        var samples = new[] { "gt06", "h02", "osmand" }.SelectMany(p => ProtocolSample.Load(p).Select(s => $"{p}:{s.Line}")).Order().ToList();

        Assert.Equal(samples, expected);
    }
}
