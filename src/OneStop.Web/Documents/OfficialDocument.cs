using System.Text.Json.Serialization;

namespace OneStop.Web.Documents;

/// <summary>
/// An administrative document laid out as Decree 30/2020/NĐ-CP prescribes: the issuing body and the
/// number top-left, the national motto and the place and date top-right, the title, the body, the
/// signature block, the recipients and the verification QR code. Pure data: the templates make it,
/// <see cref="IDocumentRenderer"/> turns it into a PDF.
/// </summary>
public sealed record OfficialDocument
{
    /// <summary>
    /// The issuing body, top to bottom, e.g. ["ỦY BAN NHÂN DÂN", "PHƯỜNG BA ĐÌNH"]. The last line is
    /// the body that issues the document and is printed bold with a short rule under it.
    /// </summary>
    public required IReadOnlyList<string> IssuerLines { get; init; }

    /// <summary>The number and symbol without the "Số:" prefix, e.g. "15/QĐ-UBND"; none for forms without one.</summary>
    public string? Number { get; init; }

    /// <summary>The place name written before the date, e.g. "Ba Đình".</summary>
    public required string Place { get; init; }

    public required DateOnly Date { get; init; }

    /// <summary>The document's name, printed in capitals, e.g. "QUYẾT ĐỊNH".</summary>
    public required string Title { get; init; }

    /// <summary>The summary under the title (trích yếu), e.g. "Về việc cấp giấy phép xây dựng".</summary>
    public string? Summary { get; init; }

    public IReadOnlyList<DocumentBlock> Body { get; init; } = [];

    /// <summary>One block, or two side by side (e.g. the applicant and the receiving officer on a receipt).</summary>
    public IReadOnlyList<SignatureBlock> Signatures { get; init; } = [];

    /// <summary>"Nơi nhận:" at the bottom left.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>
    /// The QR code at the end: on a result, the link that lets anyone check it, set by whoever signs and issues it; on
    /// a receipt, the link that follows the application. Named when only results had one, and kept: results' content
    /// digests are taken over this model as JSON (ADR 0061), so a new name would change every digest.
    /// </summary>
    public VerificationMark? Verification { get; init; }

    /// <summary>Words for the PDF's metadata (application code, procedure); never personal data.</summary>
    public string? Keywords { get; init; }
}

/// <summary>A part of the body, printed in order. The type names keep the JSON form (used for digests) unambiguous.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "block")]
[JsonDerivedType(typeof(Paragraph), "paragraph")]
[JsonDerivedType(typeof(Heading), "heading")]
[JsonDerivedType(typeof(KeyValueTable), "key-values")]
[JsonDerivedType(typeof(ItemList), "list")]
[JsonDerivedType(typeof(Grid), "grid")]
public abstract record DocumentBlock;

public enum TextAlignment
{
    Justified,
    Left,
    Center,
}

/// <summary>A paragraph, wrapped to the width of the page; the first line is indented unless told otherwise.</summary>
public sealed record Paragraph(string Text, bool Bold = false, TextAlignment Alignment = TextAlignment.Justified, bool Indent = true) : DocumentBlock;

/// <summary>A bold line that opens a part of the body, e.g. "Điều 1." or "1. Thành phần hồ sơ".</summary>
public sealed record Heading(string Text) : DocumentBlock;

/// <summary>Label–value lines, e.g. "Mã hồ sơ: 000.00.01.H01-260205-0001".</summary>
public sealed record KeyValueTable(IReadOnlyList<KeyValuePair<string, string>> Rows) : DocumentBlock;

/// <summary>A list with "-" bullets or numbers.</summary>
public sealed record ItemList(IReadOnlyList<string> Items, bool Numbered = false) : DocumentBlock;

/// <summary>A ruled table with a header row; cells wrap, rows never split across pages.</summary>
public sealed record Grid(IReadOnlyList<GridColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : DocumentBlock;

/// <summary>A column of a <see cref="Grid"/>; widths are shared out by weight.</summary>
public sealed record GridColumn(string Header, double Weight = 1);

/// <summary>
/// Who signs: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / the name. The cryptographic signature is added to
/// the PDF afterwards; <paramref name="Note"/> tells a reader of the paper that it exists.
/// </summary>
public sealed record SignatureBlock(
    string? OnBehalfOf,
    string Position,
    string FullName,
    string? Note = "(Đã ký số)",
    byte[]? SealPng = null);

/// <summary>The QR code and the sentence beside it.</summary>
public sealed record VerificationMark(string Url, string Caption);
