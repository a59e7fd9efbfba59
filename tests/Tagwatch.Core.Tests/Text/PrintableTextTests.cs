using Tagwatch.Core.Text;

namespace Tagwatch.Core.Tests.Text;

public sealed class PrintableTextTests
{
    [Theory]
    [InlineData("359339075012345", "359339075012345")]
    [InlineData("31337\u001b[2J", @"31337\u001B[2J")]
    [InlineData("a\r\nb\u0007", @"a\u000D\u000Ab\u0007")]
    [InlineData("x\u009b31m", @"x\u009B31m")] // C1 control sequence introducer
    [InlineData("abc\u202Efed", @"abc\u202Efed")] // right-to-left override
    [InlineData(@"a\u001B", @"a\\u001B")] // a backslash sent as such stays distinguishable from an escape
    [InlineData("Lambeth – Café", "Lambeth – Café")]
    public void Escape_ControlAndFormatCharacters_AreWrittenAsEscapes(string sent, string printed)
    {
        Assert.Equal(printed, PrintableText.Escape(sent));
    }

    [Fact]
    public void Escape_Null_IsNull()
    {
        Assert.Null(PrintableText.Escape(null));
    }
}
