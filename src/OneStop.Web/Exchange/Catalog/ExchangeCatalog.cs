using OneStop.Web.Registries.Enterprise;
using OneStop.Web.Registries.Protocol;

namespace OneStop.Web.Exchange.Catalog;

/// <summary>A registry service the gateway offers, with the fields of its record and its HTTP address.</summary>
public sealed record ExchangeService(
    string Name,
    string Registry,
    SubjectKind Subject,
    IReadOnlyList<string> Fields,
    Func<string, string> RelativePath);

public enum SubjectKind
{
    PersonalIdNumber,
    TaxCode,
}

/// <summary>A purpose a request may give (mục đích khai thác); only these are accepted.</summary>
public sealed record Purpose(string Code, string NameVi, string NameEn);

/// <summary>A legal document a request may rest on (căn cứ pháp lý); only these are accepted.</summary>
public sealed record LegalBasis(string Code, string TitleVi);

/// <summary>What the gateway knows: its services, the purposes and the legal bases a request may name.</summary>
public static class ExchangeCatalog
{
    /// <summary>A registry's name as citizens and officers know it, in Vietnamese (pages translate it as a text).</summary>
    public static string RegistryName(string registry) => registry switch
    {
        "population" => "Cơ sở dữ liệu quốc gia về dân cư",
        "enterprise" => "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp",
        "land" => "Cơ sở dữ liệu đất đai",
        "civilStatus" => "Cơ sở dữ liệu hộ tịch điện tử",
        "judicial" => "Cơ sở dữ liệu lý lịch tư pháp",
        _ => registry,
    };

    public static readonly IReadOnlyList<ExchangeService> Services =
    [
        new("population.person", "population", SubjectKind.PersonalIdNumber,
            ["personalIdNumber", "fullName", "dateOfBirth", "sex", "ethnicity", "permanentResidence", "temporaryResidence", "householdId", "relationToHead", "fatherId", "motherId", "dateOfDeath"],
            s => $"registries/population/people/{s}"),
        new("population.household", "population", SubjectKind.PersonalIdNumber,
            ["householdId", "headId", "address", "members"],
            s => $"registries/population/people/{s}/household"),
        new("enterprise.byTaxCode", "enterprise", SubjectKind.TaxCode,
            ["taxCode", "parentTaxCode", "name", "address", "legalRepresentativeId", "type", "status", "registeredOn"],
            s => $"registries/enterprise/enterprises/{s}"),
        new("enterprise.byRepresentative", "enterprise", SubjectKind.PersonalIdNumber,
            ["representativeId", "enterprises"],
            s => $"registries/enterprise/enterprises?representative={s}"),
        new("land.parcelsByOwner", "land", SubjectKind.PersonalIdNumber,
            ["ownerId", "parcels"],
            s => $"registries/land/parcels?owner={s}"),
        new("civilStatus.events", "civilStatus", SubjectKind.PersonalIdNumber,
            ["personalIdNumber", "maritalStatus", "events"],
            s => $"registries/civil-status/events?person={s}"),
        new("judicial.record", "judicial", SubjectKind.PersonalIdNumber,
            ["personalIdNumber", "hasConvictions", "convictions"],
            s => $"registries/judicial-records/records/{s}"),
    ];

    public static readonly IReadOnlyList<Purpose> Purposes =
    [
        new("application-prefill", "Điền sẵn tờ khai cho người dân", "Prefill the citizen's application form"),
        new("application-verification", "Xác minh thông tin trong hồ sơ", "Verify the information in an application"),
        new("criminal-record-certificate", "Cấp phiếu lý lịch tư pháp", "Issue a criminal record certificate"),
    ];

    public static readonly IReadOnlyList<LegalBasis> LegalBases =
    [
        new("118/2025/NĐ-CP", "Nghị định 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông"),
        new("04/2025/TT-VPCP", "Thông tư 04/2025/TT-VPCP về dữ liệu trao đổi giữa Cổng Dịch vụ công quốc gia, hệ thống giải quyết thủ tục hành chính và cơ sở dữ liệu"),
        new("26/2023/QH15", "Luật Căn cước số 26/2023/QH15"),
        new("68/2020/QH14", "Luật Cư trú số 68/2020/QH14"),
        new("60/2014/QH13", "Luật Hộ tịch số 60/2014/QH13"),
        new("28/2009/QH12", "Luật Lý lịch tư pháp số 28/2009/QH12"),
        new("31/2024/QH15", "Luật Đất đai số 31/2024/QH15"),
        new("59/2020/QH14", "Luật Doanh nghiệp số 59/2020/QH14"),
    ];

    private static readonly Dictionary<string, ExchangeService> ByName = Services.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public static ExchangeService? Service(string? name) => name is not null && ByName.TryGetValue(name, out var s) ? s : null;

    public static Purpose? FindPurpose(string? code) => Purposes.FirstOrDefault(p => p.Code == code);

    public static LegalBasis? FindLegalBasis(string? code) => LegalBases.FirstOrDefault(b => b.Code == code);

    /// <summary>Why <paramref name="subject"/> cannot be asked of <paramref name="service"/>, or null.</summary>
    public static string? ValidateSubject(ExchangeService service, string? subject, int currentYear) =>
        service.Subject == SubjectKind.TaxCode ? TaxCode.Validate(subject) : PersonalIdNumber.Validate(subject, currentYear);
}
