using Microsoft.Extensions.Localization;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Shared.Localization;

namespace OneStop.Web.Catalog.Pages;

/// <summary>How the catalogue pages say times, amounts and kinds, in the reader's language.</summary>
public static class CatalogFormat
{
    /// <summary>
    /// Đồng the Vietnamese way (<see cref="VietnameseFormat.Money"/>) in both languages, "5.000 đồng": the amount a
    /// reader of the English page pays is the one on the receipt, and "5,000" would read as five in Vietnam.
    /// </summary>
    public static string Money(long dong) => ReaderLanguage.IsEnglish && dong == 0 ? "Free" : VietnameseFormat.Money(dong);

    public static string Time(IStringLocalizer t, TimeUnit unit, int? amount, string? cutoff) => unit switch
    {
        TimeUnit.SameDay when cutoff is not null => t["Trong ngày; nếu nhận hồ sơ sau {0} thì trả kết quả trong ngày làm việc tiếp theo", cutoff],
        TimeUnit.SameDay => t["Trong ngày"],
        TimeUnit.WorkingDays => t["{0} ngày làm việc", amount ?? 0],
        TimeUnit.WorkingHours => t["{0} giờ làm việc", amount ?? 0],
        _ => t["{0} ngày", amount ?? 0],
    };

    public static string Time(IStringLocalizer t, ProcessingTime time) => Time(t, time.Unit, time.Amount, time.Cutoff);

    /// <summary>The short answer to "how much": free, from the smallest amount, or set by the province.</summary>
    public static string FeeSummary(IStringLocalizer t, IReadOnlyList<FeeDefinition> fees)
    {
        // An amount that applies only from the n-th page on is never what the first page costs.
        var amounts = fees.SelectMany(f => f.Amounts).Where(a => a.From is null or 1).Select(a => a.Amount).ToList();
        if (amounts.Count == 0)
        {
            return t["Theo mức do Hội đồng nhân dân tỉnh quyết định"];
        }

        if (amounts.All(a => a == 0))
        {
            return Money(0);
        }

        return amounts.Contains(0)
            ? t["Miễn phí hoặc từ {0}, tùy trường hợp", Money(amounts.Where(a => a > 0).Min())]
            : t["Từ {0}", Money(amounts.Min())];
    }

    public static string Per(IStringLocalizer t, FeeUnit unit) => unit switch
    {
        FeeUnit.Page => t["mỗi trang"],
        FeeUnit.Copy => t["mỗi bản"],
        _ => t["mỗi hồ sơ"],
    };

    public static string Level(IStringLocalizer t, ProcedureLevel level) =>
        level == ProcedureLevel.Province ? t["Cấp tỉnh"] : t["Cấp xã"];

    public static string Channel(IStringLocalizer t, Channel channel) => channel switch
    {
        Definitions.Channel.Online => t["Trực tuyến"],
        Definitions.Channel.Post => t["Qua bưu chính công ích"],
        _ => t["Trực tiếp tại bộ phận một cửa"],
    };

    public static string DocumentForm(IStringLocalizer t, DocumentForm form) => form switch
    {
        Definitions.DocumentForm.Original => t["Bản chính"],
        Definitions.DocumentForm.Copy => t["Bản sao"],
        Definitions.DocumentForm.CertifiedCopy => t["Bản sao có chứng thực"],
        Definitions.DocumentForm.OriginalToPresent => t["Bản chính để đối chiếu"],
        Definitions.DocumentForm.OriginalOrCertifiedCopy => t["Bản chính hoặc bản sao có chứng thực"],
        _ => t["Điền theo mẫu"],
    };

    /// <summary>The registry that holds data such as <c>population.person</c>, by name.</summary>
    public static string Registry(IStringLocalizer t, string data) => data.Split('.')[0] switch
    {
        "population" => t["Cơ sở dữ liệu quốc gia về dân cư"],
        "civil-status" => t["Cơ sở dữ liệu hộ tịch điện tử"],
        "health" => t["Dữ liệu điện tử của cơ sở y tế"],
        "land" => t["Cơ sở dữ liệu quốc gia về đất đai"],
        "enterprise" => t["Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp"],
        "judicial-records" => t["Cơ sở dữ liệu lý lịch tư pháp"],
        "residence" => t["Cơ sở dữ liệu về cư trú"],
        "tax" => t["Cơ sở dữ liệu về thuế"],
        _ => data,
    };

    public static string Date(DateTimeOffset instant) =>
        VietnameseFormat.Date(DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(instant).DateTime));
}
