using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Applications.Portal.Pages;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Receipt.Pages;

/// <summary>The confirmation after submitting: the application code, the appointment, and what happens next.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class ReceiptModel(ApplicationReceipts receipts) : PageModel
{
    public ApplicationReceipt Receipt { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (PortalPageSupport.CitizenOf(User) is not { } citizen)
        {
            return Forbid();
        }

        if (await receipts.ForApplicantAsync(code, citizen.IdNumber, cancellationToken) is not { } receipt)
        {
            return NotFound();
        }

        Receipt = receipt;
        return Page();
    }
}

/// <summary>The receipt slip (Form 01) as a PDF for the applicant to keep or print.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class ReceiptPdfModel(ApplicationReceipts receipts) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (PortalPageSupport.CitizenOf(User) is not { } citizen)
        {
            return Forbid();
        }

        if (await receipts.ForApplicantAsync(code, citizen.IdNumber, cancellationToken) is not { } receipt)
        {
            return NotFound();
        }

        return File(receipts.Pdf(receipt), "application/pdf", $"giay-tiep-nhan-{code}.pdf");
    }
}
