using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OneStop.Web.Applications.Model;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Tracking.Pages;

/// <summary>The citizen withdraws an application, with a reason, when its procedure allows it now.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class WithdrawModel(CitizenApplications applications, IStringLocalizer<TrackingText> text) : CitizenStepPageModel(applications, text)
{
    [BindProperty]
    public string? Reason { get; set; }

    protected override string RecordedAs => "withdrawal";

    protected override Task<CitizenStepResult> RecordAsync(string pid, string? name, string requestKey, CancellationToken cancellationToken) =>
        Applications.WithdrawAsync(new WithdrawalRequest(pid, name, Code, Reason, requestKey), cancellationToken);

    protected override string FieldOf(string fieldKey) => "reason";

    protected override bool IsOpen(ApplicationDetail detail) => detail.WithdrawAction is not null;

    protected override LocalizedString WhyClosed(ApplicationDetail detail) =>
        Text["Thủ tục này không cho phép rút hồ sơ ở trạng thái hiện tại ({0}). Vui lòng liên hệ Bộ phận Một cửa.", Text[detail.Application.Status.Vietnamese()]];
}
