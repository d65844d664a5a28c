using System.Globalization;
using OneStop.Web.Shared.Localization;
using QRCoder;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using static UglyToad.PdfPig.Writer.PdfDocumentBuilder;

namespace OneStop.Web.Documents;

/// <summary>Turns an <see cref="OfficialDocument"/> into a PDF. Stateless and thread-safe.</summary>
public interface IDocumentRenderer
{
    /// <summary>An A4 PDF/A-2b file with the Noto fonts embedded (subset).</summary>
    byte[] Render(OfficialDocument document);
}

internal sealed class PdfDocumentRenderer : IDocumentRenderer
{
    public byte[] Render(OfficialDocument document) => new DocumentLayout(document).Build();
}

/// <summary>
/// One rendering: a cursor flowing down A4 pages with the margins of Decree 30/2020/NĐ-CP (top and
/// bottom 20 mm, left 30 mm, right 15–20 mm) and its sizes (13 pt body, 12–14 pt headings).
/// </summary>
internal sealed class DocumentLayout
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double MarginLeft = 85;
    private const double MarginRight = 50;
    private const double MarginTop = 57;
    private const double MarginBottom = 57;
    private const double ContentWidth = PageWidth - MarginLeft - MarginRight;
    private const double BodySize = 13;
    private const double SmallSize = 11;
    private const double Leading = 1.35;
    private const double ParagraphIndent = 28;

    private readonly OfficialDocument _document;
    private readonly PdfDocumentBuilder _builder = new() { ArchiveStandard = PdfAStandard.A2B };
    private readonly AddedFont _regular;
    private readonly AddedFont _bold;
    private readonly AddedFont _sans;
    private PdfPageBuilder _page = null!;
    private double _y;
    private int _pageCount;

    public DocumentLayout(OfficialDocument document)
    {
        _document = document;
        _regular = _builder.AddTrueTypeFont(DocumentFonts.SerifRegular);
        _bold = _builder.AddTrueTypeFont(DocumentFonts.SerifBold);
        _sans = _builder.AddTrueTypeFont(DocumentFonts.SansRegular);
    }

    public byte[] Build()
    {
        _builder.DocumentInformation.Title = PdfText.Sanitize(_document.Title + (_document.Summary is null ? "" : " - " + _document.Summary));
        _builder.DocumentInformation.Producer = "OneStop";
        _builder.DocumentInformation.Creator = "OneStop";
        if (_document.Keywords is not null)
        {
            _builder.DocumentInformation.Keywords = PdfText.Sanitize(_document.Keywords);
        }

        NewPage();
        Header();
        Title();
        foreach (var block in _document.Body)
        {
            Block(block);
        }

        SignaturesAndRecipients();
        Verification();
        return _builder.Build();
    }

    private void NewPage()
    {
        _page = _builder.AddPage(PageWidth, PageHeight);
        _pageCount++;
        _y = PageHeight - MarginTop;
        if (_pageCount > 1)
        {
            // Decree 30 numbers pages from the second one, centred in the top margin.
            var number = _pageCount.ToString(CultureInfo.InvariantCulture);
            Text(number, SmallSize, _regular, 0, PageHeight - 35, PageWidth, TextAlignment.Center);
        }
    }

    private void EnsureSpace(double height)
    {
        if (_y - height < MarginBottom)
        {
            NewPage();
        }
    }

    private void Header()
    {
        const double leftWidth = 200;
        var leftX = MarginLeft - 25;
        var rightX = leftX + leftWidth;
        var rightWidth = PageWidth - MarginRight + 10 - rightX;
        var top = _y;

        // Left: the issuing body and the number.
        var y = top;
        for (var i = 0; i < _document.IssuerLines.Count; i++)
        {
            var last = i == _document.IssuerLines.Count - 1;
            var font = last ? _bold : _regular;
            var size = FitSize(_document.IssuerLines[i], 12.5, font, leftWidth);
            Text(_document.IssuerLines[i], size, font, leftX, y, leftWidth, TextAlignment.Center);
            if (last)
            {
                Rule(leftX + leftWidth / 2, y - 5, Width(_document.IssuerLines[i], size, font) / 3);
            }

            y -= size * Leading;
        }

        if (_document.Number is not null)
        {
            y -= 8;
            Text("Số: " + _document.Number, BodySize, _regular, leftX, y, leftWidth, TextAlignment.Center);
            y -= BodySize * Leading;
        }

        // Right: the national motto, then the place and date.
        var rightY = top;
        const string nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        const string motto = "Độc lập - Tự do - Hạnh phúc";
        var nationSize = FitSize(nation, 12.5, _bold, rightWidth);
        Text(nation, nationSize, _bold, rightX, rightY, rightWidth, TextAlignment.Center);
        rightY -= nationSize * Leading;
        var mottoSize = FitSize(motto, BodySize, _bold, rightWidth);
        Text(motto, mottoSize, _bold, rightX, rightY, rightWidth, TextAlignment.Center);
        Rule(rightX + rightWidth / 2, rightY - 5, Width(motto, mottoSize, _bold));
        rightY -= mottoSize * Leading + 8;
        var placeAndDate = $"{_document.Place}, {VietnameseFormat.DocumentDate(_document.Date)}";
        var dateSize = FitSize(placeAndDate, BodySize, _regular, rightWidth);
        Text(placeAndDate, dateSize, _regular, rightX, rightY, rightWidth, TextAlignment.Center);
        rightY -= dateSize * Leading;

        _y = Math.Min(y, rightY) - 20;
    }

    private void Title()
    {
        foreach (var line in Wrap(_document.Title.ToUpper(VietnameseFormat.Culture), 14, _bold, ContentWidth, 0))
        {
            EnsureSpace(14 * Leading);
            Text(line, 14, _bold, MarginLeft, _y, ContentWidth, TextAlignment.Center);
            _y -= 14 * Leading;
        }

        if (_document.Summary is not null)
        {
            var lines = Wrap(_document.Summary, BodySize, _bold, ContentWidth * 0.85, 0);
            foreach (var line in lines)
            {
                EnsureSpace(BodySize * Leading);
                Text(line, BodySize, _bold, MarginLeft, _y, ContentWidth, TextAlignment.Center);
                _y -= BodySize * Leading;
            }

            Rule(MarginLeft + ContentWidth / 2, _y + BodySize * Leading - 9, 80);
            _y -= 6;
        }

        _y -= 14;
    }

    private void Block(DocumentBlock block)
    {
        switch (block)
        {
            case Paragraph paragraph:
                Flow(paragraph.Text, paragraph.Bold ? _bold : _regular, BodySize, MarginLeft, ContentWidth,
                    paragraph.Indent ? ParagraphIndent : 0, paragraph.Alignment);
                _y -= 4;
                break;
            case Heading heading:
                _y -= 2;
                Flow(heading.Text, _bold, BodySize, MarginLeft, ContentWidth, 0, TextAlignment.Left);
                _y -= 2;
                break;
            case KeyValueTable table:
                foreach (var (key, value) in table.Rows)
                {
                    KeyValue(key, value);
                }

                _y -= 4;
                break;
            case ItemList list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    var marker = list.Numbered ? $"{i + 1}." : "-";
                    EnsureSpace(BodySize * Leading);
                    Text(marker, BodySize, _regular, MarginLeft + ParagraphIndent - 14, _y, 14, TextAlignment.Left);
                    Flow(list.Items[i], _regular, BodySize, MarginLeft + ParagraphIndent + 6, ContentWidth - ParagraphIndent - 6, 0, TextAlignment.Left);
                }

                _y -= 4;
                break;
            case Grid grid:
                GridTable(grid);
                break;
            default:
                throw new ArgumentException($"Unknown block {block.GetType().Name}.", nameof(block));
        }
    }

    private void KeyValue(string key, string value)
    {
        var label = key.TrimEnd(':') + ": ";
        var labelWidth = Width(label, BodySize, _bold);
        var valueWidth = ContentWidth - labelWidth;
        if (valueWidth < ContentWidth / 3)
        {
            Flow(label, _bold, BodySize, MarginLeft, ContentWidth, 0, TextAlignment.Left);
            Flow(value, _regular, BodySize, MarginLeft + ParagraphIndent, ContentWidth - ParagraphIndent, 0, TextAlignment.Left);
            return;
        }

        var lines = Wrap(value, BodySize, _regular, valueWidth, 0);
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureSpace(BodySize * Leading);
            if (i == 0)
            {
                Text(label, BodySize, _bold, MarginLeft, _y, labelWidth, TextAlignment.Left);
            }

            Text(lines[i], BodySize, _regular, MarginLeft + labelWidth, _y, valueWidth, TextAlignment.Left);
            _y -= BodySize * Leading;
        }
    }

    private void GridTable(Grid grid)
    {
        const double size = 11;
        const double padding = 4;
        var totalWeight = grid.Columns.Sum(c => c.Weight);
        var widths = grid.Columns.Select(c => ContentWidth * c.Weight / totalWeight).ToArray();

        void Row(IReadOnlyList<string> cells, AddedFont font)
        {
            var wrapped = new List<IReadOnlyList<string>>();
            for (var i = 0; i < widths.Length; i++)
            {
                wrapped.Add(Wrap(i < cells.Count ? cells[i] : "", size, font, widths[i] - 2 * padding, 0));
            }

            var height = Math.Max(1, wrapped.Max(w => w.Count)) * size * Leading + 2 * padding;
            EnsureSpace(height);
            var x = MarginLeft;
            var top = _y + size;
            for (var i = 0; i < widths.Length; i++)
            {
                _page.DrawRectangle(new PdfPoint(x, top - height), widths[i], height, 0.6);
                var lineY = top - padding - size;
                foreach (var line in wrapped[i])
                {
                    Text(line, size, font, x + padding, lineY, widths[i] - 2 * padding,
                        font == _bold ? TextAlignment.Center : TextAlignment.Left);
                    lineY -= size * Leading;
                }

                x += widths[i];
            }

            _y -= height;
        }

        Row(grid.Columns.Select(c => c.Header).ToList(), _bold);
        foreach (var row in grid.Rows)
        {
            Row(row, _regular);
        }

        _y -= 10;
    }

    private void SignaturesAndRecipients()
    {
        var blocks = _document.Signatures;
        const double gap = 55;
        var blockHeight = (blocks.Count == 0 ? 0 : BodySize * Leading * 4 + gap) + 10;
        var recipientsHeight = _document.Recipients.Count == 0 ? 0 : (_document.Recipients.Count + 1) * SmallSize * Leading;
        _y -= 6;
        EnsureSpace(Math.Max(blockHeight, recipientsHeight));
        var top = _y;
        var bottom = _y;

        if (_document.Recipients.Count > 0)
        {
            var y = top;
            Text("Nơi nhận:", 12, _bold, MarginLeft - 25, y, 200, TextAlignment.Left);
            y -= SmallSize * Leading;
            foreach (var recipient in _document.Recipients)
            {
                foreach (var line in Wrap("- " + recipient, SmallSize, _regular, 200, 0))
                {
                    Text(line, SmallSize, _regular, MarginLeft - 25, y, 200, TextAlignment.Left);
                    y -= SmallSize * Leading;
                }
            }

            bottom = Math.Min(bottom, y);
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var columnWidth = blocks.Count == 1 ? ContentWidth * 0.55 : ContentWidth / blocks.Count;
            var x = blocks.Count == 1 ? MarginLeft + ContentWidth - columnWidth : MarginLeft + i * columnWidth;
            var y = top;
            if (block.OnBehalfOf is not null)
            {
                Text(block.OnBehalfOf, BodySize, _bold, x, y, columnWidth, TextAlignment.Center);
                y -= BodySize * Leading;
            }

            Text(block.Position, BodySize, _bold, x, y, columnWidth, TextAlignment.Center);
            y -= BodySize * Leading;
            if (block.Note is not null)
            {
                Text(block.Note, SmallSize, _regular, x, y, columnWidth, TextAlignment.Center);
            }

            if (block.SealPng is { Length: > 0 } seal)
            {
                const double sealSize = 72;
                _page.AddPng(seal, new PdfRectangle(x + columnWidth / 2 - sealSize, y - sealSize + 6, x + columnWidth / 2, y + 6));
            }

            y -= gap;
            Text(block.FullName, BodySize, _bold, x, y, columnWidth, TextAlignment.Center);
            y -= BodySize * Leading;
            bottom = Math.Min(bottom, y);
        }

        _y = bottom - 10;
    }

    private void Verification()
    {
        if (_document.Verification is not { } mark)
        {
            return;
        }

        const double qrSize = 78;
        EnsureSpace(qrSize + 6);
        var top = _y + 6;
        DrawQrCode(mark.Url, MarginLeft - 25, top - qrSize, qrSize);
        var captionX = MarginLeft - 25 + qrSize + 8;
        var captionWidth = PageWidth - MarginRight - captionX;
        var y = top - 14;
        foreach (var line in Wrap(mark.Caption, 9.5, _sans, captionWidth, 0))
        {
            Text(line, 9.5, _sans, captionX, y, captionWidth, TextAlignment.Left);
            y -= 9.5 * Leading;
        }

        _y = Math.Min(top - qrSize, y) - 6;
    }

    private void DrawQrCode(string content, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var modules = matrix.Count;
        var module = size / modules;
        _page.SetTextAndFillColor(0, 0, 0);
        _page.SetStrokeColor(0, 0, 0);
        for (var row = 0; row < modules; row++)
        {
            var bits = matrix[row];
            var column = 0;
            while (column < modules)
            {
                if (!bits[column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < modules && bits[column])
                {
                    column++;
                }

                // Filled runs of dark modules keep the file small and the code crisp at any zoom.
                _page.DrawRectangle(
                    new PdfPoint(x + start * module, y + size - (row + 1) * module),
                    (column - start) * module, module, 0.01, fill: true);
            }
        }

        _page.ResetColor();
    }

    /// <summary>Wraps and prints text at the cursor, moving it down and onto new pages as needed.</summary>
    private void Flow(string text, AddedFont font, double size, double x, double width, double indent, TextAlignment alignment)
    {
        var lines = Wrap(text, size, font, width, indent);
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureSpace(size * Leading);
            var lineX = i == 0 ? x + indent : x;
            var lineWidth = i == 0 ? width - indent : width;
            var last = i == lines.Count - 1;
            if (alignment == TextAlignment.Justified && !last)
            {
                Justified(lines[i], size, font, lineX, _y, lineWidth);
            }
            else
            {
                Text(lines[i], size, font, lineX, _y, lineWidth, alignment == TextAlignment.Justified ? TextAlignment.Left : alignment);
            }

            _y -= size * Leading;
        }
    }

    private void Justified(string line, double size, AddedFont font, double x, double y, double width)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            Text(line, size, font, x, y, width, TextAlignment.Left);
            return;
        }

        var wordsWidth = words.Sum(w => Width(w, size, font));
        var space = (width - wordsWidth) / (words.Length - 1);
        var cursor = x;
        foreach (var word in words)
        {
            _page.AddText(word, size, new PdfPoint(cursor, y), font);
            cursor += Width(word, size, font) + space;
        }
    }

    private void Text(string text, double size, AddedFont font, double x, double y, double width, TextAlignment alignment)
    {
        var clean = PdfText.Sanitize(text);
        if (clean.Length == 0)
        {
            return;
        }

        var offset = alignment == TextAlignment.Center ? Math.Max(0, (width - Width(clean, size, font)) / 2) : 0;
        _page.AddText(clean, size, new PdfPoint(x + offset, y), font);
    }

    private void Rule(double centerX, double y, double length)
    {
        _page.DrawLine(new PdfPoint(centerX - length / 2, y), new PdfPoint(centerX + length / 2, y), 0.7);
    }

    private double FitSize(string text, double preferred, AddedFont font, double width)
    {
        var size = preferred;
        while (size > 8 && Width(text, size, font) > width)
        {
            size -= 0.5;
        }

        return size;
    }

    private double Width(string text, double size, AddedFont font)
    {
        var clean = PdfText.Sanitize(text);
        if (clean.Length == 0)
        {
            return 0;
        }

        var letters = _page.MeasureText(clean, size, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }

    private List<string> Wrap(string text, double size, AddedFont font, double width, double firstIndent)
    {
        var lines = new List<string>();
        var spaceWidth = Width("a a", size, font) - Width("aa", size, font);
        var current = new List<string>();
        var currentWidth = 0.0;
        foreach (var word in PdfText.Sanitize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var available = lines.Count == 0 ? width - firstIndent : width;
            var wordWidth = Width(word, size, font);
            var needed = current.Count == 0 ? wordWidth : currentWidth + spaceWidth + wordWidth;
            if (needed <= available || current.Count == 0 && wordWidth <= available)
            {
                current.Add(word);
                currentWidth = needed;
                continue;
            }

            if (current.Count > 0)
            {
                lines.Add(string.Join(' ', current));
                current.Clear();
                currentWidth = 0;
                available = width;
            }

            if (wordWidth <= available)
            {
                current.Add(word);
                currentWidth = wordWidth;
                continue;
            }

            // A word wider than the line (a long address or code) is cut where it must be.
            var piece = "";
            foreach (var c in word)
            {
                if (piece.Length > 0 && Width(piece + c, size, font) > available)
                {
                    lines.Add(piece);
                    piece = "";
                    available = width;
                }

                piece += c;
            }

            current.Add(piece);
            currentWidth = Width(piece, size, font);
        }

        if (current.Count > 0)
        {
            lines.Add(string.Join(' ', current));
        }

        return lines;
    }
}
