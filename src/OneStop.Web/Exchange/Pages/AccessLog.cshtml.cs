using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Exchange.DataAccess;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Exchange.Pages;

/// <summary>"Who used my data": every exchange of the signed-in citizen's data, newest first.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class AccessLogModel(DataAccessLog log) : PageModel
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

    public static string RegistryName(string registry) => registry switch
    {
        "population" => "Cơ sở dữ liệu quốc gia về dân cư",
        "enterprise" => "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp",
        "land" => "Cơ sở dữ liệu đất đai",
        "civilStatus" => "Cơ sở dữ liệu hộ tịch điện tử",
        "judicial" => "Cơ sở dữ liệu lý lịch tư pháp",
        _ => registry,
    };

    public static string OutcomeName(string outcome) => outcome switch
    {
        "delivered" => "Đã cung cấp",
        "not-found" => "Không có dữ liệu",
        "refused" => "Bị từ chối",
        "unavailable" => "Không kết nối được",
        _ => outcome,
    };
}
