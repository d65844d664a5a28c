using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Exchange.DataAccess;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Exchange.Pages;

/// <summary>"Who used my data": every exchange of the signed-in citizen's data, newest first.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class AccessLogModel(DataAccessLog log, UnitNames units) : PageModel
{
    public IReadOnlyList<DataAccessRecord> Records { get; private set; } = [];

    public bool HasIdentityNumber { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var pid = User.FindFirst(OneStopClaimTypes.PersonalIdNumber)?.Value;
        HasIdentityNumber = !string.IsNullOrEmpty(pid);
        if (HasIdentityNumber)
        {
            Records = await log.ForPersonAsync(pid!, 200, cancellationToken);
        }
    }


    public static string OutcomeName(string outcome) => outcome switch
    {
        "delivered" => "Đã cung cấp",
        "not-found" => "Không có dữ liệu",
        "refused" => "Bị từ chối",
        "unavailable" => "Không kết nối được",
        _ => outcome,
    };

    /// <summary>
    /// A field of a registry record in the citizen's words: the gateway logs the registries' own field names
    /// (fullName, dateOfBirth), which tell a person nothing about what was read.
    /// </summary>
    public static string FieldName(string field) => field switch
    {
        "personalIdNumber" => "Số định danh cá nhân",
        "fullName" => "Họ, chữ đệm và tên",
        "dateOfBirth" => "Ngày sinh",
        "sex" => "Giới tính",
        "ethnicity" => "Dân tộc",
        "permanentResidence" => "Nơi thường trú",
        "temporaryResidence" => "Nơi tạm trú",
        "householdId" => "Mã hộ gia đình",
        "relationToHead" => "Quan hệ với chủ hộ",
        "fatherId" => "Số định danh của cha",
        "motherId" => "Số định danh của mẹ",
        "dateOfDeath" => "Ngày mất",
        "headId" => "Số định danh của chủ hộ",
        "address" => "Địa chỉ",
        "members" => "Thành viên hộ gia đình",
        "taxCode" => "Mã số thuế",
        "parentTaxCode" => "Mã số thuế của đơn vị chủ quản",
        "name" => "Tên doanh nghiệp",
        "legalRepresentativeId" => "Số định danh của người đại diện theo pháp luật",
        "type" => "Loại hình doanh nghiệp",
        "status" => "Tình trạng hoạt động",
        "registeredOn" => "Ngày đăng ký",
        "representativeId" => "Số định danh của người đại diện",
        "enterprises" => "Doanh nghiệp do bạn đại diện",
        "ownerId" => "Số định danh của người sử dụng đất",
        "parcels" => "Thửa đất",
        "maritalStatus" => "Tình trạng hôn nhân",
        "events" => "Sự kiện hộ tịch",
        "hasConvictions" => "Có án tích hay không",
        "convictions" => "Án tích",
        _ => field,
    };

    /// <summary>
    /// The officer's unit by its name: the log keeps only its code, and "unit 11953" does not tell a citizen which
    /// office looked at their data. A code no longer known is shown as it is.
    /// </summary>
    public string UnitName(string? code) => string.IsNullOrEmpty(code) ? "" : units.Of(code);
}
