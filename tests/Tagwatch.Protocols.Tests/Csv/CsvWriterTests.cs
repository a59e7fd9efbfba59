using FsCheck;
using FsCheck.Fluent;
using Sylvan.Data.Csv;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Protocols.Tests.Csv;

public sealed class CsvWriterTests
{
    private static string Row(Action<CsvWriter> write)
    {
        var output = new StringWriter { NewLine = "\n" };
        var csv = new CsvWriter(output);
        write(csv);
        csv.EndRow();
        return output.ToString();
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"open\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\"")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("'quoted", "''quoted")]
    [InlineData("CRI-0001", "CRI-0001")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("#1 High St", "\"#1 High St\"")]
    [InlineData("", "")]
    public void Text_FormulaOrSpecialCharacters_IsGuardedAndQuoted(string value, string written)
    {
        Assert.Equal(written + "\n", Row(csv => csv.Text(value)));
    }

    [Fact]
    public void Number_NegativeValues_StayNumbers()
    {
        Assert.Equal("-0.1156,-3,51.4613\n", Row(csv => csv.Number(-0.1156, "0.0000").Number(-3).Number("51.4613")));
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("-A1")]
    [InlineData("NaN")]
    public void Number_TextThatIsNoNumber_Throws(string text)
    {
        Assert.Throws<ArgumentException>(() => Row(csv => csv.Number(text)));
    }

    [Fact]
    public void WriteThenRead_FirstCellStartingWithHash_IsARowNotAComment()
    {
        string written = Row(csv => csv.Text("#1 High St").Text("next"));
        using var reader = CsvDataReader.Create(new StringReader(written), new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',' });

        Assert.True(reader.Read());
        Assert.Equal("#1 High St", reader.GetString(0));
    }

    [Fact]
    public void WriteThenRead_AnyText_ComesBackExactlyAfterUnguard()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), value =>
        {
            value ??= "";
            string written = Row(csv => csv.Text(value).Text("next"));
            using var reader = CsvDataReader.Create(new StringReader(written), new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',' });
            Assert.True(reader.Read());
            string cell = reader.GetString(0);
            Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), $"cell starts with a formula character: {cell}");
            return CsvCell.Unguard(cell).ToString() == value && reader.GetString(1) == "next";
        }).QuickCheckThrowOnFailure();
    }
}
