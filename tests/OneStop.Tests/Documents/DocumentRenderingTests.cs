using OneStop.Web.Documents;

namespace OneStop.Tests.Documents;

public sealed class DocumentRenderingTests
{
    private readonly IDocumentRenderer _renderer = new PdfDocumentRenderer();

    [Fact]
    public void A_result_keeps_its_Vietnamese_text_intact_in_the_PDF()
    {
        var document = SampleDocuments.Result() with { Verification = new VerificationMark("http://127.0.0.1/verify?c=x", "Quét mã QR để kiểm tra chữ ký số.") };
        var text = ExtractText(_renderer.Render(document));

        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Assert.Contains("PHƯỜNG BA ĐÌNH", text);
        Assert.Contains("Số: 15/QĐ-UBND", text);
        Assert.Contains("Ba Đình, ngày 05 tháng 02 năm 2026", text);
        Assert.Contains("Nguyễn Thị Hường", text);
        Assert.Contains("Quyết định có hiệu lực kể từ ngày ký", text);
        Assert.Contains("Quét mã QR để kiểm tra chữ ký số.", text);
    }

    [Fact]
    public void Every_form_renders_with_its_own_title_and_fields()
    {
        var receipt = ExtractText(_renderer.Render(SampleDocuments.Receipt()));
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", receipt);
        Assert.Contains("Giấy chứng sinh", receipt);
        Assert.Contains("09 giờ 15 phút, ngày 02/02/2026", receipt); // received at 02:15 UTC is 09:15 in Vietnam

        var apology = ExtractText(_renderer.Render(SampleDocuments.Apology()));
        Assert.Contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", apology);
        Assert.Contains("09 giờ 15 phút, ngày 08/02/2026", apology);

        var sheet = ExtractText(_renderer.Render(SampleDocuments.ControlSheet()));
        Assert.Contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", sheet);
        Assert.Contains("Trước hạn", sheet);
        Assert.Contains("Đúng hạn", sheet);
    }

    [Fact]
    public void A_long_body_flows_onto_numbered_pages()
    {
        var paragraphs = Enumerable.Range(1, 60).Select(i => (DocumentBlock)new Paragraph($"Đoạn {i}: việc giải quyết thủ tục hành chính bảo đảm đúng hạn, công khai, minh bạch."));
        var pdf = _renderer.Render(SampleDocuments.Result() with { Body = [.. paragraphs] });
        var path = WriteTemp(pdf);
        var info = ExternalTool.Run("pdfinfo", path);
        File.Delete(path);
        Assert.Matches(@"Pages:\s+[2-9]", info);
        Assert.Contains("Đoạn 60", ExtractText(pdf));
    }

    [Fact]
    public void Text_is_kept_within_one_embedded_font()
    {
        Assert.True(PdfText.AlphabetSize <= 255, $"{PdfText.AlphabetSize} characters do not fit a simple TrueType font.");
        Assert.Equal("Ứng dụng \"một cửa\" - 100% ?", PdfText.Sanitize("Ứng dụng “một cửa” – 100% ☺"));
        // Decomposed input (as some keyboards send it) comes out composed.
        Assert.Equal("Hường", PdfText.Sanitize("Hu\u031Bo\u031B\u0300ng"));
    }

    /// <summary>The text pdftotext finds, with every run of white space (line ends, justification) made one space.</summary>
    internal static string ExtractText(byte[] pdf)
    {
        var path = WriteTemp(pdf);
        try
        {
            return System.Text.RegularExpressions.Regex.Replace(ExternalTool.Run("pdftotext", "-layout", path, "-"), @"\s+", " ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static string WriteTemp(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"onestop-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }
}
