using System.Globalization;
using System.Text;

namespace OneStop.Web.AdministrativeUnits.Loading;

/// <summary>
/// The defects of the published files that the loader repairs, each named here so that a repair is
/// a decision someone can read, never a silent guess. The loader reports every one it applies and
/// refuses any other inconsistency.
/// </summary>
public static class KnownDataDefects
{
    /// <summary>
    /// Commune codes the merge and split files (dvhcvn) use for a new commune, which the statistics
    /// office corrected afterwards; the unit lists already carry the corrected code. Only codes on the
    /// new side are corrected: 23737 is also the code of an old commune (Xã Ia Mơ Nông), which stays.
    /// </summary>
    public static readonly IReadOnlyList<CorrectedCode> CorrectedNewCommuneCodes =
    [
        new("06970", "06978", "Xã Ba Chẽ", "Quảng Ninh"),
        new("23737", "23938", "Xã Ia Mơ", "Gia Lai"),
    ];

    /// <summary>
    /// Old communes the merge files name that are absent from the list of 1 March 2025, because they
    /// had already been merged into a neighbour by an earlier resolution (2023–2025). They have no
    /// unit before the reform to link from, so their succession is reported and left out; any other
    /// missing unit stops the start.
    /// </summary>
    public static readonly IReadOnlyList<AbolishedBeforeList> AbolishedBeforeTheList =
    [
        new("07693", "Xã Tân An", "07682"),
        new("07732", "Xã Nham Sơn", "07210"),
        new("07744", "Xã Thắng Cương", "07210"),
        new("16387", "Xã Đông Khê", "16378"),
        new("16411", "Xã Đông Xuân", "15853"),
        new("18448", "Xã Bình Lộc", "18568"),
        new("20176", "Xã Hương Hòa", "20179"),
        new("20674", "Xã Quế Phước", "20669"),
        new("25102", "Xã Đạ M'ri", "25105"),
        new("25174", "Xã Mỹ Lâm", "25159"),
        new("25177", "Xã Tư Nghĩa", "25159"),
        new("25186", "Xã Phù Mỹ", "25159"),
    ];

    /// <summary>
    /// Links both the merge and the split file publish but that cannot be true. Old Xã Tân Phú 30622
    /// (Huyện Châu Thành, Tỉnh An Giang) is sent into Xã Tân Phú Trung 30259 of Tỉnh Đồng Tháp, next
    /// to Đồng Tháp's own Xã Tân Phú 30274 (also of a Huyện Châu Thành): the files confused two
    /// namesakes, and An Giang did not become part of Đồng Tháp. The link is dropped and reported;
    /// the old commune is then known to lie in the new Tỉnh An Giang, but its new commune is not
    /// given by the data, and OneStop says so rather than guess.
    /// </summary>
    public static readonly IReadOnlyList<RejectedLink> RejectedLinks =
    [
        new("30622", "30259", "Xã Tân Phú (Huyện Châu Thành, Tỉnh An Giang) → Xã Tân Phú Trung (Tỉnh Đồng Tháp): a namesake mix-up across provinces"),
    ];

    /// <summary>
    /// The English name a unit is shown under when the published one differs from the rule only in spelling. Every
    /// list writes a unit's English name as its Vietnamese name without diacritics ("Ha Noi", "Da Nang", "Hai Phong"
    /// in the lists of 2025), except the 2026 export, which writes two cities the English-press way ("Hanoi",
    /// "Haiphong"): Hà Nội would change its English name on 30 April 2026 though nothing changed but the source.
    /// OneStop keeps the rule's spelling in every set; the files stay as published. Only a name equal to the rule's
    /// once spaces and capitals are set aside is respelled: a name that really differs ("Paracel" for Hoàng Sa) is
    /// not a spelling and stays. Null when the published name is kept.
    /// </summary>
    public static string? RespelledEnglishName(string vietnameseName, string englishName)
    {
        var rule = WithoutDiacritics(vietnameseName);
        if (englishName.Length == 0 || string.Equals(englishName, rule, StringComparison.Ordinal))
        {
            return null;
        }

        static string Letters(string name) => VietnameseNames.Fold(name).Replace(" ", "", StringComparison.Ordinal);
        return string.Equals(Letters(englishName), Letters(rule), StringComparison.Ordinal) ? rule : null;
    }

    /// <summary>"Hải Phòng" → "Hai Phong", "Đồng Nai" → "Dong Nai": capitals and spaces kept.</summary>
    private static string WithoutDiacritics(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                text.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
            }
        }

        return text.ToString().Normalize(NormalizationForm.FormC);
    }

    public sealed record RejectedLink(string OldCode, string NewCode, string Reason);

    public sealed record CorrectedCode(string CodeInMergeFiles, string CorrectedCommuneCode, string Name, string Province);

    public sealed record AbolishedBeforeList(string Code, string Name, string NewCommuneCode);
}
