using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OneStop.Web.Signing.Verification;

namespace OneStop.Web.Signing.Pages;

/// <summary>The public check of a signed document: by QR link (GET ?c=…) or by uploading the PDF.</summary>
[AllowAnonymous]
[RequestSizeLimit(VerificationService.MaximumPdfBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = VerificationService.MaximumPdfBytes + 64 * 1024)]
internal sealed class VerifyModel(VerificationService verification, IStringLocalizer<SigningText> text) : PageModel
{
    public VerificationResult? Result { get; private set; }

    [BindProperty]
    [Display(Name = "Tệp PDF cần kiểm tra")]
    public IFormFile? Document { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "c")] string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return Page();
        }

        if (!verification.Admit(HttpContext.Connection.RemoteIpAddress))
        {
            return TooMany();
        }

        Result = await verification.VerifyCodeAsync(code, "qr-page", HttpContext.Connection.RemoteIpAddress, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Document is null || Document.Length == 0)
        {
            ModelState.AddModelError(nameof(Document), text["Hãy chọn tệp PDF của văn bản cần kiểm tra."]);
            return Page();
        }

        if (Document.Length > VerificationService.MaximumPdfBytes)
        {
            ModelState.AddModelError(nameof(Document), text["Tệp lớn hơn 10 MB: không thể kiểm tra."]);
            return Page();
        }

        using var buffer = new MemoryStream();
        await Document.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (!SignatureVerifier.LooksLikePdf(bytes))
        {
            ModelState.AddModelError(nameof(Document), text["Tệp này không phải là tệp PDF."]);
            return Page();
        }

        if (!verification.Admit(HttpContext.Connection.RemoteIpAddress))
        {
            return TooMany();
        }

        Result = await verification.VerifyPdfAsync(bytes, "upload-page", HttpContext.Connection.RemoteIpAddress, cancellationToken);
        return Page();
    }

    private PageResult TooMany()
    {
        ModelState.AddModelError(string.Empty, text["Bạn đã kiểm tra quá nhiều lần trong một phút. Vui lòng thử lại sau."]);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return Page();
    }
}
