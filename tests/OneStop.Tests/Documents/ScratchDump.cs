namespace OneStop.Tests.Documents;
public sealed class ScratchDump
{
    [Fact]
    public void Dump()
    {
        var r = new OneStop.Web.Documents.PdfDocumentRenderer();
        File.WriteAllBytes("/tmp/sample-result.pdf", r.Render(SampleDocuments.Result() with { Verification = new("http://127.0.0.1:5080/verify?c=eyJhbGciOiJFUzI1NiJ9.eyJhYyI6IjAwMC4wMC4wMS5IMDEtMjYwMjAyLTAwMDEiLCJkaCI6IjEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjMiLCJpc3MiOiIwMDEwMSJ9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Văn bản được ký số. Quét mã QR hoặc mở http://127.0.0.1:5080/verify để kiểm tra chữ ký số, người ký và tình trạng chứng thư số.") }));
        File.WriteAllBytes("/tmp/sample-receipt.pdf", r.Render(SampleDocuments.Receipt()));
        File.WriteAllBytes("/tmp/sample-sheet.pdf", r.Render(SampleDocuments.ControlSheet()));
    }
}
