using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OneStop.Web.Applications.Attachments;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Tracking.Pages;

/// <summary>The citizen answers a request for missing documents: files and/or a note.</summary>
[Authorize(Policy = Policies.Citizen)]
[RequestSizeLimit(MaxBody)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBody)]
public sealed class SupplementModel(CitizenApplications applications, IStringLocalizer<TrackingText> text) : CitizenStepPageModel(applications, text)
{
    private const long MaxBody = CitizenApplications.MaxFilesPerSupplement * AttachmentCheck.MaxSize + 1024 * 1024;

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>What the officer asked for.</summary>
    public string? AskedFor { get; private set; }

    protected override string RecordedAs => "supplement";

    protected override async Task<CitizenStepResult> RecordAsync(string pid, string? name, string requestKey, CancellationToken cancellationToken)
    {
        var files = new List<IncomingFile>();
        foreach (var file in Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            files.Add(new IncomingFile(CitizenApplications.SupplementDocumentKey, file.FileName, buffer.ToArray()));
        }

        return await Applications.SupplyAsync(new SupplementResponse(pid, name, Code, Note, files, requestKey), cancellationToken);
    }

    protected override string FieldOf(string fieldKey) => fieldKey.StartsWith("files", StringComparison.Ordinal) ? "files" : "note";

    protected override bool IsOpen(ApplicationDetail detail) => detail.SupplyAction is not null;

    protected override LocalizedString WhyClosed(ApplicationDetail detail) =>
        Text["Hồ sơ này hiện không ở trạng thái yêu cầu bổ sung giấy tờ, nên không cần gửi bổ sung."];

    protected override void Loaded(ApplicationDetail detail) => AskedFor = detail.SupplementRequest;
}
