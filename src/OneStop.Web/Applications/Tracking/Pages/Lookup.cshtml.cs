using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Applications.Tracking.Pages;

/// <summary>
/// The public status look-up by application code and the applicant's ID number. Posted, not in the
/// address, so the ID number stays out of logs and browser history; an unknown code and a wrong ID
/// number give the same answer, and posts are rate-limited per client.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.PublicLookup)]
public sealed partial class LookupModel(CitizenApplications applications, IStringLocalizer<TrackingText> text) : PageModel
{
    private const int MaxCodeLength = 40;

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? IdNumber { get; set; }

    public bool Searched { get; private set; }

    public PublicStatus? Found { get; private set; }

    public List<(string Field, string Message)> Errors { get; } = [];

    /// <summary>The page, with the code filled in when the address carries it (the QR code of a receipt does).</summary>
    public void OnGet([FromQuery(Name = "code")] string? code)
    {
        code = code?.Trim();
        if (!string.IsNullOrEmpty(code) && code.Length <= MaxCodeLength)
        {
            Code = code;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Searched = true;
        Code = Code?.Trim();
        IdNumber = IdNumber?.Trim();
        if (string.IsNullOrEmpty(Code) || Code.Length > MaxCodeLength)
        {
            Errors.Add(("code", text["Nhập mã hồ sơ ghi trên giấy tiếp nhận."]));
        }

        if (IdNumber is null || !IdNumberPattern().IsMatch(IdNumber))
        {
            Errors.Add(("idNumber", text["Số định danh cá nhân gồm đúng 12 chữ số."]));
        }

        if (Errors.Count == 0)
        {
            Found = await applications.LookupAsync(Code!, IdNumber!, cancellationToken);
        }

        return Page();
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex IdNumberPattern();
}
