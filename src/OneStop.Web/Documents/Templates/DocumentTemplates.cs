using OneStop.Web.Shared.Localization;

namespace OneStop.Web.Documents.Templates;

/// <summary>The issuing body as it heads a document: the superior body, then the body itself.</summary>
/// <param name="Lines">e.g. ["ỦY BAN NHÂN DÂN", "PHƯỜNG BA ĐÌNH"] or ["UBND PHƯỜNG BA ĐÌNH", "BỘ PHẬN MỘT CỬA"].</param>
/// <param name="Place">The place name before the date, e.g. "Ba Đình".</param>
public sealed record Issuer(IReadOnlyList<string> Lines, string Place);

/// <summary>Who signs, as printed: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / the name.</summary>
public sealed record Signatory(string Position, string FullName, string? OnBehalfOf = null, byte[]? SealPng = null)
{
    internal SignatureBlock ToBlock(string? note = "(Đã ký số)") => new(OnBehalfOf, Position, FullName, note, SealPng);
}

/// <summary>A result: decision, certificate, permit… Title and body come from the procedure's own data.</summary>
public sealed record ResultDocumentData(
    Issuer Issuer,
    string? Number,
    DateOnly Date,
    string Title,
    string? Summary,
    string ApplicationCode,
    IReadOnlyList<DocumentBlock> Body,
    Signatory Signatory,
    IReadOnlyList<string> Recipients);

/// <summary>One document handed in at the desk (receipt slip, section 1).</summary>
public sealed record SubmittedDocument(string Name, bool Original, int Quantity);

/// <summary>Form 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả.</summary>
public sealed record ReceiptData(
    Issuer Issuer,
    string? Number,
    string ApplicationCode,
    string ApplicantName,
    string ApplicantAddress,
    string? Phone,
    string? Email,
    string ProcedureName,
    IReadOnlyList<SubmittedDocument> Documents,
    int Sets,
    string StatutoryTime,
    DateTimeOffset ReceivedAt,
    DateTimeOffset AppointmentAt,
    string ResultCollectedAt,
    string? LedgerBook,
    string? LedgerEntry,
    Signatory Receptionist,
    VerificationMark? Tracking);

/// <summary>Form 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả.</summary>
public sealed record ApologyData(
    Issuer Issuer,
    string? Number,
    DateOnly Date,
    string ApplicantName,
    string ApplicationCode,
    string ProcedureName,
    DateTimeOffset ReceivedAt,
    DateTimeOffset OriginalAppointmentAt,
    string Reason,
    DateTimeOffset NewAppointmentAt,
    Signatory Signatory);

public enum HandOverOutcome
{
    Early,
    OnTime,
    Late,
}

/// <summary>One hand-over between agencies or officers on the control sheet.</summary>
public sealed record HandOver(
    string Step,
    DateTimeOffset HandedOverAt,
    string GivenBy,
    string ReceivedBy,
    HandOverOutcome? Outcome,
    string? Note);

/// <summary>Form 06 (2025): Phiếu kiểm soát quá trình giải quyết hồ sơ.</summary>
public sealed record ProcessControlSheetData(
    Issuer Issuer,
    DateOnly Date,
    string ApplicationCode,
    string ApplicantName,
    string ProcedureName,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    IReadOnlyList<HandOver> HandOvers);

/// <summary>
/// The documents OneStop issues, as pure functions from typed data to an <see cref="OfficialDocument"/>
/// (fields from Circulars 01/2018/TT-VPCP and 03/2025/TT-VPCP). Render the result with
/// <see cref="IDocumentRenderer"/>; sign and store a result with the Signing capability.
/// </summary>
public static class DocumentTemplates
{
    public static OfficialDocument Result(ResultDocumentData data) => new()
    {
        IssuerLines = data.Issuer.Lines,
        Number = data.Number,
        Place = data.Issuer.Place,
        Date = data.Date,
        Title = data.Title,
        Summary = data.Summary,
        Body = data.Body,
        Signatures = [data.Signatory.ToBlock()],
        Recipients = data.Recipients,
        Keywords = data.ApplicationCode,
    };

    public static OfficialDocument Receipt(ReceiptData data)
    {
        var contact = new List<KeyValuePair<string, string>>
        {
            new("Tiếp nhận hồ sơ của", data.ApplicantName),
            new("Địa chỉ", data.ApplicantAddress),
        };
        if (!string.IsNullOrWhiteSpace(data.Phone))
        {
            contact.Add(new("Số điện thoại", data.Phone));
        }

        if (!string.IsNullOrWhiteSpace(data.Email))
        {
            contact.Add(new("Email", data.Email));
        }

        contact.Add(new("Nội dung yêu cầu giải quyết", data.ProcedureName));

        var documents = data.Documents
            .Select((d, i) => (IReadOnlyList<string>)[(i + 1).ToString(VietnameseFormat.Culture), d.Name, d.Original ? "Bản chính" : "Bản sao", d.Quantity.ToString(VietnameseFormat.Culture)])
            .ToList();

        var body = new List<DocumentBlock>
        {
            new KeyValueTable(contact),
            new Heading("1. Thành phần hồ sơ nộp gồm:"),
            new Grid([new("STT", 0.6), new("Tên giấy tờ", 5), new("Hình thức", 1.6), new("Số lượng", 1.3)], documents),
            new Paragraph($"2. Số lượng hồ sơ: {data.Sets} (bộ).", Indent: false, Alignment: TextAlignment.Left),
            new Paragraph($"3. Thời gian giải quyết hồ sơ theo quy định là: {data.StatutoryTime}.", Indent: false, Alignment: TextAlignment.Left),
            new Paragraph($"4. Thời gian nhận hồ sơ: {VietnameseFormat.Moment(data.ReceivedAt)}.", Indent: false, Alignment: TextAlignment.Left),
            new Paragraph($"5. Thời gian trả kết quả giải quyết hồ sơ: {VietnameseFormat.Moment(data.AppointmentAt)}.", Indent: false, Alignment: TextAlignment.Left),
            new Paragraph($"6. Đăng ký nhận kết quả tại: {data.ResultCollectedAt}.", Indent: false, Alignment: TextAlignment.Left),
        };
        if (data.LedgerBook is not null || data.LedgerEntry is not null)
        {
            body.Add(new Paragraph($"Vào Sổ theo dõi hồ sơ, Quyển số: {data.LedgerBook ?? "..."}, Số thứ tự: {data.LedgerEntry ?? "..."}.", Indent: false, Alignment: TextAlignment.Left));
        }

        return new OfficialDocument
        {
            IssuerLines = data.Issuer.Lines,
            Number = data.Number,
            Place = data.Issuer.Place,
            Date = DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(data.ReceivedAt).DateTime),
            Title = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
            Summary = $"Mã hồ sơ: {data.ApplicationCode}",
            Body = body,
            Signatures =
            [
                new SignatureBlock(null, "NGƯỜI NỘP HỒ SƠ", data.ApplicantName, "(Ký và ghi rõ họ tên)"),
                data.Receptionist.ToBlock() with { Position = "NGƯỜI TIẾP NHẬN HỒ SƠ" },
            ],
            Verification = data.Tracking,
            Keywords = data.ApplicationCode,
        };
    }

    public static OfficialDocument Apology(ApologyData data) => new()
    {
        IssuerLines = data.Issuer.Lines,
        Number = data.Number,
        Place = data.Issuer.Place,
        Date = data.Date,
        Title = "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
        Body =
        [
            new Paragraph($"Kính gửi: {data.ApplicantName}", Bold: true, Alignment: TextAlignment.Center, Indent: false),
            new Paragraph(
                $"Ngày {VietnameseFormat.Date(DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(data.ReceivedAt).DateTime))}, " +
                $"{data.Issuer.Lines[^1]} tiếp nhận hồ sơ của Ông/Bà, mã hồ sơ {data.ApplicationCode}, về thủ tục " +
                $"{data.ProcedureName}; thời gian hẹn trả kết quả là {VietnameseFormat.Moment(data.OriginalAppointmentAt)}."),
            new Paragraph($"Tuy nhiên, đến nay hồ sơ của Ông/Bà chưa giải quyết xong. Lý do: {data.Reason}"),
            new Paragraph(
                "Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Chúng tôi thành thật xin lỗi Ông/Bà và " +
                $"xin hẹn lại thời gian trả kết quả: {VietnameseFormat.Moment(data.NewAppointmentAt)}."),
            new Paragraph("Mong nhận được sự thông cảm của Ông/Bà. Xin trân trọng cảm ơn!"),
        ],
        Signatures = [data.Signatory.ToBlock()],
        Keywords = data.ApplicationCode,
    };

    public static OfficialDocument ProcessControlSheet(ProcessControlSheetData data) => new()
    {
        IssuerLines = data.Issuer.Lines,
        Place = data.Issuer.Place,
        Date = data.Date,
        Title = "Phiếu kiểm soát quá trình giải quyết hồ sơ",
        Summary = $"Mã hồ sơ: {data.ApplicationCode}",
        Body =
        [
            new KeyValueTable(
            [
                new("Tên thủ tục", data.ProcedureName),
                new("Người nộp hồ sơ", data.ApplicantName),
                new("Thời gian nhận hồ sơ", VietnameseFormat.Moment(data.ReceivedAt)),
                new("Thời gian hẹn trả kết quả", VietnameseFormat.Moment(data.DueAt)),
            ]),
            new Grid(
                [new("Tên cơ quan, bước xử lý", 2.4), new("Thời gian giao, nhận hồ sơ", 2.1), new("Người giao", 1.6), new("Người nhận", 1.6), new("Kết quả", 1.6), new("Ghi chú", 1.3)],
                data.HandOvers.Select(h => (IReadOnlyList<string>)
                [
                    h.Step,
                    VietnameseFormat.Moment(h.HandedOverAt),
                    h.GivenBy,
                    h.ReceivedBy,
                    h.Outcome switch
                    {
                        HandOverOutcome.Early => "Trước hạn",
                        HandOverOutcome.OnTime => "Đúng hạn",
                        HandOverOutcome.Late => "Quá hạn",
                        _ => "",
                    },
                    h.Note ?? "",
                ]).ToList()),
        ],
        Keywords = data.ApplicationCode,
    };
}
