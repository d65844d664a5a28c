using OneStop.Web.Documents;
using OneStop.Web.Documents.Templates;

namespace OneStop.Tests.Documents;

/// <summary>Documents as a commune issues them, with every Vietnamese diacritic in play.</summary>
internal static class SampleDocuments
{
    public static readonly Issuer BaDinh = new(["ỦY BAN NHÂN DÂN", "PHƯỜNG BA ĐÌNH"], "Ba Đình");

    public static readonly Signatory Chairwoman = new("CHỦ TỊCH", "Nguyễn Thị Hường", "TM. ỦY BAN NHÂN DÂN");

    public static readonly DateTimeOffset ReceivedAt = new(2026, 2, 2, 2, 15, 0, TimeSpan.Zero);

    public static OfficialDocument Result(string applicationCode = "000.00.01.H01-260202-0001") => DocumentTemplates.Result(new ResultDocumentData(
        BaDinh,
        "15/QĐ-UBND",
        new DateOnly(2026, 2, 5),
        "Quyết định",
        "Về việc công nhận kết quả giải quyết thủ tục hành chính",
        applicationCode,
        [
            new Paragraph("Căn cứ Luật Tổ chức chính quyền địa phương; căn cứ hồ sơ đề nghị của bà Nguyễn Thị Hường, thường trú tại Phường Ba Đình, thành phố Hà Nội."),
            new Heading("QUYẾT ĐỊNH:"),
            new Paragraph("Điều 1. Chấp thuận đề nghị của bà Nguyễn Thị Hường. Quyết định có hiệu lực kể từ ngày ký; mọi thắc mắc xin liên hệ Bộ phận Một cửa."),
            new KeyValueTable([new("Mã hồ sơ", applicationCode), new("Lĩnh vực", "Hộ tịch")]),
            new ItemList(["Người được cấp giữ bản chính.", "Bộ phận Một cửa lưu hồ sơ điện tử."]),
        ],
        Chairwoman,
        ["Như Điều 1;", "Lưu: VT."]));

    public static OfficialDocument Receipt() => DocumentTemplates.Receipt(new ReceiptData(
        BaDinh, "27/TN", "000.00.01.H01-260202-0001", "Nguyễn Thị Hường", "Số 5 phố Đội Cấn, Phường Ba Đình, Hà Nội",
        "0912345678", null, "Đăng ký khai sinh",
        [new("Tờ khai đăng ký khai sinh", true, 1), new("Giấy chứng sinh", true, 1)],
        1, "03 ngày làm việc", ReceivedAt, ReceivedAt.AddDays(3), "Bộ phận Một cửa Phường Ba Đình", "01", "27",
        new Signatory("NGƯỜI TIẾP NHẬN HỒ SƠ", "Trần Văn Đức"),
        new VerificationMark("http://127.0.0.1:5080/applications/lookup?code=000.00.01.H01-260202-0001", "Tra cứu tình trạng hồ sơ: quét mã QR.")));

    public static OfficialDocument Apology() => DocumentTemplates.Apology(new ApologyData(
        BaDinh, "03/XL", new DateOnly(2026, 2, 5), "bà Nguyễn Thị Hường", "000.00.01.H01-260202-0001", "Đăng ký khai sinh",
        ReceivedAt, ReceivedAt.AddDays(3), "cần xác minh thêm thông tin với cơ quan đăng ký cư trú.", ReceivedAt.AddDays(6), Chairwoman));

    public static OfficialDocument ControlSheet() => DocumentTemplates.ProcessControlSheet(new ProcessControlSheetData(
        BaDinh, new DateOnly(2026, 2, 2), "000.00.01.H01-260202-0001", "Nguyễn Thị Hường", "Đăng ký khai sinh", ReceivedAt, ReceivedAt.AddDays(3),
        [
            new("Bộ phận Một cửa giao chuyên viên Tư pháp - Hộ tịch", ReceivedAt.AddHours(1), "Trần Văn Đức", "Lê Thị Thủy", HandOverOutcome.OnTime, null),
            new("Chuyên viên trình lãnh đạo", ReceivedAt.AddDays(1), "Lê Thị Thủy", "Nguyễn Thị Hường", HandOverOutcome.Early, "Đủ điều kiện"),
        ]));
}
