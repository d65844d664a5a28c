using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OneStop.Web.Applications.Attachments;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Tracking.Pages;

/// <summary>
/// The citizen answers a request for missing documents: files and/or a note. The form carries a
/// one-time token that becomes the step's request key, so sending the form twice records one step.
/// </summary>
[Authorize(Policy = Policies.Citizen)]
[RequestSizeLimit(MaxBody)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBody)]
public sealed class SupplementModel(CitizenApplications applications, IStringLocalizer<TrackingText> text) : PageModel
{
    private const long MaxBody = CitizenApplications.MaxFilesPerSupplement * AttachmentCheck.MaxSize + 1024 * 1024;

    [FromRoute]
    public string Code { get; set; } = "";

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty]
    public string? FormToken { get; set; }

    public bool Open { get; private set; }

    public string? AskedFor { get; private set; }

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
            // Without its token the form could be recorded twice; a fresh form gets a new one.
            FormToken = Guid.NewGuid().ToString("N");
            Message = text["Biểu mẫu đã hết hiệu lực; vui lòng gửi lại."];
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        var files = new List<IncomingFile>();
        foreach (var file in Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            files.Add(new IncomingFile(CitizenApplications.SupplementDocumentKey, file.FileName, buffer.ToArray()));
        }

        var result = await applications.SupplyAsync(
            new SupplementResponse(pid, User.FindFirst(OneStopClaimTypes.FullName)?.Value, Code, Note, files, "form:" + FormToken),
            cancellationToken);
        switch (result.Outcome)
        {
            case CitizenStepOutcome.Done or CitizenStepOutcome.AlreadyDone:
                return Redirect($"/my-applications/{Uri.EscapeDataString(Code)}?recorded=supplement");
            case CitizenStepOutcome.NotFound:
                return NotFound();
            case CitizenStepOutcome.Invalid:
                foreach (var error in result.Errors)
                {
                    Errors.Add((error.FieldKey.StartsWith("files", StringComparison.Ordinal) ? "files" : "note", error.Message.Current));
                }

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

        Open = detail.SupplyAction is not null;
        AskedFor = detail.SupplementRequest;
        if (!Open)
        {
            Message ??= text["Hồ sơ này hiện không ở trạng thái yêu cầu bổ sung giấy tờ, nên không cần gửi bổ sung."];
        }

        return true;
    }
}
