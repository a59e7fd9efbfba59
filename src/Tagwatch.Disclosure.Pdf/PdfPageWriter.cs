using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Tagwatch.Disclosure.Pdf;

/// <summary>Flows text, key–value rows and tables down A4 pages, starting a new page when one is full, with a footer on each.</summary>
internal sealed class PdfPageWriter : IDisposable
{
    public const double Margin = 50;

    private readonly PdfDocument _document;
    private readonly string _footer;
    private XGraphics? _graphics;
    private PdfPage? _page;

    public PdfPageWriter(PdfDocument document, string footer)
    {
        _document = document;
        _footer = footer;
        NewPage();
    }

    public XFont Body { get; } = new(EmbeddedFontResolver.Family, 9.5, XFontStyleEx.Regular);

    public XFont Bold { get; } = new(EmbeddedFontResolver.Family, 9.5, XFontStyleEx.Bold);

    public XFont Small { get; } = new(EmbeddedFontResolver.Family, 7.5, XFontStyleEx.Regular);

    public XFont Heading { get; } = new(EmbeddedFontResolver.Family, 12, XFontStyleEx.Bold);

    public XFont Title { get; } = new(EmbeddedFontResolver.Family, 16, XFontStyleEx.Bold);

    public XGraphics Graphics => _graphics!;

    public double Y { get; private set; }

    public double Width => _page!.Width.Point - 2 * Margin;

    /// <summary>Moves to a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void Need(double height)
    {
        if (Y + height > _page!.Height.Point - Margin - 20)
        {
            NewPage();
        }
    }

    public void Space(double points) => Y += points;

    public void Line(string text, XFont? font = null, XBrush? brush = null)
    {
        font ??= Body;
        foreach (string line in Wrap(text, font, Width))
        {
            Need(font.Height + 2);
            Graphics.DrawString(line, font, brush ?? XBrushes.Black, Margin, Y + font.Height * 0.8);
            Y += font.Height + 2;
        }
    }

    public void SectionHeading(string text)
    {
        Need(Heading.Height + 40);
        Y += 8;
        Line(text, Heading);
        Graphics.DrawLine(new XPen(XColors.DarkSlateGray, 0.6), Margin, Y, Margin + Width, Y);
        Y += 4;
    }

    /// <summary>Label in bold on the left, the value wrapped on the right.</summary>
    public void Field(string label, string value)
    {
        const double labelWidth = 150;
        var lines = Wrap(value, Body, Width - labelWidth);
        Need((Body.Height + 2) * lines.Count);
        Graphics.DrawString(label, Bold, XBrushes.Black, Margin, Y + Body.Height * 0.8);
        foreach (string line in lines)
        {
            Graphics.DrawString(line, Body, XBrushes.Black, Margin + labelWidth, Y + Body.Height * 0.8);
            Y += Body.Height + 2;
        }
    }

    /// <summary>A table with a header row repeated on each new page; <paramref name="widths"/> are fractions of the width.</summary>
    public void Table(string[] headers, double[] widths, IEnumerable<string[]> rows)
    {
        double rowHeight = Small.Height + 4;
        void Header()
        {
            Need(rowHeight * 2);
            Graphics.DrawRectangle(XBrushes.Gainsboro, Margin, Y, Width, rowHeight);
            Cells(headers, widths, Bold8);
            Y += rowHeight;
        }

        Header();
        foreach (var row in rows)
        {
            if (Y + rowHeight > _page!.Height.Point - Margin - 20)
            {
                NewPage();
                Header();
            }

            Cells(row, widths, Small);
            Graphics.DrawLine(new XPen(XColors.LightGray, 0.3), Margin, Y + rowHeight, Margin + Width, Y + rowHeight);
            Y += rowHeight;
        }
    }

    /// <summary>A block of <paramref name="height"/> points for a drawing; returns its rectangle.</summary>
    public XRect Block(double height)
    {
        Need(height);
        var rect = new XRect(Margin, Y, Width, height);
        Y += height;
        return rect;
    }

    public void Dispose() => _graphics?.Dispose();

    private XFont Bold8 { get; } = new(EmbeddedFontResolver.Family, 7.5, XFontStyleEx.Bold);

    private void Cells(string[] cells, double[] widths, XFont font)
    {
        double x = Margin + 2;
        for (int i = 0; i < cells.Length; i++)
        {
            Graphics.DrawString(cells[i], font, XBrushes.Black, x, Y + font.Height * 0.95);
            x += widths[i] * Width;
        }
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        int number = _document.PageCount;
        _graphics.DrawString($"{_footer} — page {number}", Small, XBrushes.DimGray, Margin, _page.Height.Point - Margin + 10);
        Y = Margin;
    }

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (string paragraph in text.Split('\n'))
        {
            string current = "";
            foreach (string word in paragraph.Split(' '))
            {
                string candidate = current.Length == 0 ? word : $"{current} {word}";
                if (current.Length > 0 && Graphics.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            lines.Add(current);
        }

        return lines;
    }
}
