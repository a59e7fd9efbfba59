using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Text;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Protocols.Tests.Csv;

public sealed class FieldParsersTests
{
    [Fact]
    public void TryParseIsoInstant_AnyInstantWrittenWithAnyOffsetAndPrecision_ReadsBackToTheMillisecond()
    {
        var patterns = new[] { "uuuu'-'MM'-'dd'T'HH':'mm':'ss", "uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fff", "uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff", "uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'f" };
        var gen = from seconds in Gen.Choose(-2_000_000_000, 2_000_000_000)
                  from nanos in Gen.Choose(0, 999_999_999)
                  from offsetMinutes in Gen.Choose(-14 * 60, 14 * 60)
                  from pattern in Gen.Elements(patterns)
                  from utc in Gen.Elements(true, false)
                  select (Instant.FromUnixTimeSeconds(seconds).PlusNanoseconds(nanos), utc ? 0 : offsetMinutes, pattern, utc);
        Prop.ForAll(gen.ToArbitrary(), sample =>
        {
            var (instant, offsetMinutes, pattern, utc) = sample;
            var offset = Offset.FromSeconds(offsetMinutes * 60);
            var local = instant.WithOffset(offset).LocalDateTime;
            string text = LocalDateTimePattern.CreateWithInvariantCulture(pattern).Format(local) + (utc ? "Z" : OffsetPattern.CreateWithInvariantCulture("+HH:mm").Format(offset));
            var expected = LocalDateTimePattern.CreateWithInvariantCulture(pattern).Parse(text[..^(utc ? 1 : 6)]).Value.WithOffset(offset).ToInstant();
            return FieldParsers.TryParseIsoInstant(text, out var parsed, out _)
                && parsed.ToUnixTimeMilliseconds() == expected.ToUnixTimeMilliseconds();
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("2019-02-29T08:00:00Z")]
    [InlineData("2019-02-18T08:60:00Z")]
    [InlineData("2019-13-01T08:00:00Z")]
    [InlineData("2019-02-18T08:00:00.Z")]
    [InlineData("2019-02-18T08:00:00+25:00")]
    [InlineData("2019-02-18 08:00:00Z")]
    public void TryParseIsoInstant_ImpossibleTimes_AreRejected(string text)
    {
        Assert.False(FieldParsers.TryParseIsoInstant(text, out _, out var reason));
        Assert.NotNull(reason);
    }
}
