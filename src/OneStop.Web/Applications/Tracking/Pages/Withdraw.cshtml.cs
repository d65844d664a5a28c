using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OneStop.Web.Applications.Model;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Tracking.Pages;

/// <summary>The citizen withdraws an application, with a reason, when its procedure allows it now; a one-time form token keeps it single.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class WithdrawModel(CitizenApplications applications, IStringLocalizer<TrackingText> text) : PageModel
{
    [FromRoute]
    public string Code { get; set; } = "";

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? FormToken { get; set; }

    public bool Open { get; private set; }

    public string? Message { get; private set; }

    public List<(string Field, string Message)> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        FormToken = Guid.NewGuid().ToString("N");
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Pid is not { } pid)
        {
            return NotFound();
        }

        if (!Guid.TryParseExact(FormToken, "N", out _))
        {
            FormToken = Guid.NewGuid().ToString("N");
            Message = text["Biểu mẫu đã hết hiệu lực; vui lòng gửi lại."];
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        var result = await applications.WithdrawAsync(
            new WithdrawalRequest(pid, User.FindFirst(OneStopClaimTypes.FullName)?.Value, Code, Reason, "form:" + FormToken),
            cancellationToken);
        switch (result.Outcome)
        {
            case CitizenStepOutcome.Done or CitizenStepOutcome.AlreadyDone:
                return Redirect($"/my-applications/{Uri.EscapeDataString(Code)}?recorded=withdrawal");
            case CitizenStepOutcome.NotFound:
                return NotFound();
            case CitizenStepOutcome.Invalid:
                Errors.AddRange(result.Errors.Select(e => ("reason", e.Message.Current)));
                break;
            case CitizenStepOutcome.Conflict:
                Message = text["Hồ sơ vừa được cơ quan cập nhật; vui lòng xem lại và gửi lại."];
                FormToken = Guid.NewGuid().ToString("N");
                break;
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private string? Pid => User.FindFirst(OneStopClaimTypes.PersonalIdNumber)?.Value is { Length: > 0 } pid ? pid : null;

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var detail = Pid is { } pid ? await applications.DetailAsync(pid, Code, cancellationToken) : null;
        if (detail is null)
        {
            return false;
        }

        Open = detail.WithdrawAction is not null;
        if (!Open)
        {
            Message ??= text["Thủ tục này không cho phép rút hồ sơ ở trạng thái hiện tại ({0}). Vui lòng liên hệ Bộ phận Một cửa.", text[detail.Application.Status.Vietnamese()]];
        }

        return true;
    }
}
