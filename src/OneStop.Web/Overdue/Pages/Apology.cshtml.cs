using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OneStop.Web.Applications.Model;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Overdue.Pages;

/// <summary>
/// The form "phiếu xin lỗi và hẹn lại ngày trả kết quả": the reason and the new appointment (date and
/// time in Vietnam time), for an overdue application of the officer's own unit. A hidden key makes a
/// repeated post (back button, double click) issue nothing twice.
/// </summary>
[Authorize(Policy = OverduePolicies.IssueApology)]
[OfficerAccess(Roles.Receptionist, Roles.UnitLeader)]
public sealed class ApologyModel(ApologyService apologies, OneStopDbContext db, TimeProvider clock, IStringLocalizer<OverdueText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? NewAppointmentDate { get; set; }

    [BindProperty]
    public string? NewAppointmentTime { get; set; } = "08:00";

    [BindProperty]
    public string RequestKey { get; set; } = "";

    [TempData]
    public int? IssuedNumber { get; set; }

    public Application? Application { get; private set; }

    public bool IsOverdue { get; private set; }

    public IReadOnlyList<ApologyLetter> Letters { get; private set; } = [];

    public List<(string FieldId, string Message)> Errors { get; } = [];

    public string? ErrorFor(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId).Message;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        RequestKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        DateTimeOffset? at = null;
        if (!string.IsNullOrWhiteSpace(NewAppointmentDate))
        {
            if (DateOnly.TryParseExact(NewAppointmentDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && TimeOnly.TryParseExact(string.IsNullOrWhiteSpace(NewAppointmentTime) ? "08:00" : NewAppointmentTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                at = new DateTimeOffset(date.ToDateTime(time), VietnameseFormat.VietnamOffset).ToUniversalTime();
            }
            else
            {
                Errors.Add(("NewAppointmentDate", text["Ngày giờ hẹn không hợp lệ: nhập ngày dạng năm-tháng-ngày và giờ dạng giờ:phút."]));
                return Page();
            }
        }

        if (string.IsNullOrWhiteSpace(RequestKey))
        {
            RequestKey = Guid.NewGuid().ToString("N");
        }

        var result = await apologies.IssueAsync(Code, new ApologyRequest(Reason, at, RequestKey), User, cancellationToken);
        switch (result.Outcome)
        {
            case ApologyOutcome.Issued or ApologyOutcome.Repeated when result.Letter is not null:
                IssuedNumber = result.Letter.Number;
                return Redirect(ApologyLinks.Form(Code));
            case ApologyOutcome.Invalid:
                foreach (var error in result.Errors!)
                {
                    Errors.Add((error.Field == "reason" ? "Reason" : "NewAppointmentDate",
                        ReaderLanguage.IsEnglish ? error.En : error.Vi));
                }

                return Page();
            case ApologyOutcome.Forbidden:
                return Forbid();
            case ApologyOutcome.NotFound:
                return NotFound();
            default:
                // Not overdue any more, or changed meanwhile: show the page as it now stands.
                await LoadAsync(cancellationToken);
                Errors.Add(("Reason", text["Hồ sơ vừa thay đổi hoặc không còn quá hạn; xem lại rồi thử lại."]));
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Application = await apologies.FindAsync(Code, cancellationToken);
        if (Application is null)
        {
            return NotFound();
        }

        if (!ApologyService.IsOfficerOfUnit(User, Application))
        {
            return Forbid();
        }

        IsOverdue = ApologyService.IsOverdue(Application, clock.GetUtcNow());
        Letters = await db.ApologyLetters.AsNoTracking().Where(l => l.ApplicationId == Application.Id).OrderBy(l => l.Number).ToListAsync(cancellationToken);
        return null;
    }
}
