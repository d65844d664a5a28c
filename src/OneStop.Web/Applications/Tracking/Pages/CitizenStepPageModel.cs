using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Tracking.Pages;

/// <summary>
/// A step the applicant takes on their own application from a form (supplying missing documents, asking to
/// withdraw). The form carries a one-time token that becomes the step's request key, so that sending it twice,
/// by a double click or after going back, records one step.
/// </summary>
public abstract class CitizenStepPageModel(CitizenApplications applications, IStringLocalizer<TrackingText> text) : PageModel
{
    [FromRoute]
    public string Code { get; set; } = "";

    [BindProperty]
    public string? FormToken { get; set; }

    /// <summary>Whether the application's state lets the applicant take the step now.</summary>
    public bool Open { get; private set; }

    public string? Message { get; private set; }

    public List<(string Field, string Message)> Errors { get; } = [];

    protected CitizenApplications Applications => applications;

    protected IStringLocalizer<TrackingText> Text => text;

    /// <summary>What <c>?recorded=</c> tells the application's page once the step is recorded.</summary>
    protected abstract string RecordedAs { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        FormToken = NewFormToken();
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
            // Without its token the form could be recorded twice; a fresh form gets a new one.
            FormToken = NewFormToken();
            Message = text["Biểu mẫu đã hết hiệu lực; vui lòng gửi lại."];
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        var result = await RecordAsync(pid, User.FindFirst(OneStopClaimTypes.FullName)?.Value, "form:" + FormToken, cancellationToken);
        switch (result.Outcome)
        {
            case CitizenStepOutcome.Done or CitizenStepOutcome.AlreadyDone:
                return Redirect($"/my-applications/{Uri.EscapeDataString(Code)}?recorded={RecordedAs}");
            case CitizenStepOutcome.NotFound:
                return NotFound();
            case CitizenStepOutcome.Invalid:
                Errors.AddRange(result.Errors.Select(error => (FieldOf(error.FieldKey), error.Message.Current)));
                break;
            case CitizenStepOutcome.Conflict:
                Message = text["Hồ sơ vừa được cơ quan cập nhật; vui lòng xem lại và gửi lại."];
                FormToken = NewFormToken();
                break;
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Records the step with the form's request key.</summary>
    protected abstract Task<CitizenStepResult> RecordAsync(string pid, string? name, string requestKey, CancellationToken cancellationToken);

    /// <summary>The id of the form field that shows an error of the step's field <paramref name="fieldKey"/>.</summary>
    protected abstract string FieldOf(string fieldKey);

    /// <summary>Whether the step is open in the application's current state.</summary>
    protected abstract bool IsOpen(ApplicationDetail detail);

    /// <summary>Why the step is not open, in words the applicant understands.</summary>
    protected abstract LocalizedString WhyClosed(ApplicationDetail detail);

    /// <summary>For what the page shows besides the form.</summary>
    protected virtual void Loaded(ApplicationDetail detail)
    {
    }

    private string? Pid => User.FindFirst(OneStopClaimTypes.PersonalIdNumber)?.Value is { Length: > 0 } pid ? pid : null;

    private static string NewFormToken() => Guid.NewGuid().ToString("N");

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var detail = Pid is { } pid ? await applications.DetailAsync(pid, Code, cancellationToken) : null;
        if (detail is null)
        {
            return false;
        }

        Open = IsOpen(detail);
        Loaded(detail);
        if (!Open)
        {
            Message ??= WhyClosed(detail);
        }

        return true;
    }
}
