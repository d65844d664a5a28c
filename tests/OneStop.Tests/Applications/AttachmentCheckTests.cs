using System.Text;
using OneStop.Web.Applications.Attachments;

namespace OneStop.Tests.Applications;

public sealed class AttachmentCheckTests
{
    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 }, "image/png")]
    public void The_type_comes_from_the_content(byte[] content, string expected) =>
        Assert.Equal(expected, AttachmentCheck.ContentTypeOf(content));

    [Fact]
    public void A_text_file_named_pdf_is_refused_by_its_content()
    {
        var error = AttachmentCheck.Problem(new IncomingFile("birthNotice", "giay-chung-sinh.pdf", Encoding.UTF8.GetBytes("not a pdf")), "files");

        Assert.Equal("file-type", error?.Code);
        Assert.Contains("giay-chung-sinh.pdf", error!.Message.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_and_a_file_over_ten_megabytes_are_refused()
    {
        Assert.Equal("file-empty", AttachmentCheck.Problem(new IncomingFile("k", "a.pdf", []), "f")?.Code);
        var big = new byte[AttachmentCheck.MaxSize + 1];
        "%PDF-"u8.CopyTo(big);
        Assert.Equal("file-too-large", AttachmentCheck.Problem(new IncomingFile("k", "a.pdf", big), "f")?.Code);
        Assert.Null(AttachmentCheck.Problem(new IncomingFile("k", "a.pdf", big[..(int)AttachmentCheck.MaxSize]), "f"));
    }

    [Fact]
    public void A_kept_file_records_its_digest_and_only_the_name_part_of_the_file_name()
    {
        var attachment = AttachmentCheck.ToAttachment(new IncomingFile("k", "../../etc/a.pdf", "%PDF-1.7"u8.ToArray()), Guid.NewGuid(), "citizen:033085001234", DateTimeOffset.UnixEpoch);

        Assert.Equal("a.pdf", attachment.FileName);
        Assert.Equal(64, attachment.Sha256.Length);
        Assert.Equal("application/pdf", attachment.ContentType);
    }
}
