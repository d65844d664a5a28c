using System.Security.Cryptography;
using OneStop.Web.Applications.Model;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Catalog.Forms;

namespace OneStop.Web.Applications.Attachments;

/// <summary>A file as it arrives, before it is checked.</summary>
public sealed record IncomingFile(string DocumentKey, string FileName, byte[] Content);

/// <summary>
/// Checks uploaded files by their content, never by their name or the type the browser claims: a PDF,
/// a JPEG or a PNG of at most 10 MB, not empty. A file that fails is refused with a message saying
/// which file and why; nothing of it is kept.
/// </summary>
public static class AttachmentCheck
{
    public const long MaxSize = 10 * 1024 * 1024;

    public const int MaxFilesPerApplication = 20;

    /// <summary>The type the content's first bytes prove, or null when it is none of the accepted ones.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "image/png";
        }

        return null;
    }

    /// <summary>The error for a file, or null when it may be kept. <paramref name="field"/> names the form field or API property.</summary>
    public static FieldError? Problem(IncomingFile file, string field)
    {
        var name = string.IsNullOrWhiteSpace(file.FileName) ? "(không tên)" : file.FileName;
        if (file.Content.Length == 0)
        {
            return new FieldError(field, "file-empty", new LocalizedText(
                $"Tệp {name} rỗng; hãy chọn lại tệp.",
                $"The file '{name}' is empty."));
        }

        if (file.Content.LongLength > MaxSize)
        {
            return new FieldError(field, "file-too-large", new LocalizedText(
                $"Tệp {name} lớn hơn 10 MB; hãy giảm dung lượng (ví dụ chụp lại với độ phân giải thấp hơn).",
                $"The file '{name}' is larger than 10 MB."));
        }

        if (ContentTypeOf(file.Content) is null)
        {
            return new FieldError(field, "file-type", new LocalizedText(
                $"Tệp {name} không phải là PDF, JPEG hay PNG; chỉ nhận ba loại tệp này.",
                $"The file '{name}' is not a PDF, JPEG or PNG (checked by its content)."));
        }

        return null;
    }

    /// <summary>The attachment to store for a file that passed <see cref="Problem"/>.</summary>
    public static ApplicationAttachment ToAttachment(IncomingFile file, Guid applicationId, string addedBy, DateTimeOffset at) => new()
    {
        ApplicationId = applicationId,
        DocumentKey = file.DocumentKey,
        FileName = Path.GetFileName(file.FileName.Length > 200 ? file.FileName[..200] : file.FileName),
        ContentType = ContentTypeOf(file.Content) ?? throw new InvalidOperationException("Check the file first."),
        Size = file.Content.LongLength,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)),
        Content = file.Content,
        AddedAt = at,
        AddedBy = addedBy,
    };
}
