using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OneStop.Web.Calendar.WorkingDays;
using OneStop.Web.Shared.Localization;

namespace OneStop.Web.Calendar.Pages;

/// <summary>The public page of a province's working calendar for a year.</summary>
[AllowAnonymous]
public sealed class CalendarIndexModel(WorkingCalendarService calendars, TimeProvider clock, IStringLocalizer<CalendarText> t) : PageModel
{
    public const string DefaultProvince = "01";

    [BindProperty(SupportsGet = true, Name = "province")]
    public string? ProvinceCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public string? YearText { get; set; }

    [BindProperty(SupportsGet = true, Name = "saved")]
    public bool Saved { get; set; }

    public Province? Province { get; private set; }

    public int Year { get; private set; }

    public WorkingCalendar? Calendar { get; private set; }

    public CalendarYear? CalendarYear { get; private set; }

    public bool MayEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Year = VietnameseFormat.ToVietnamTime(clock.GetUtcNow()).Year;
        // A signed-in officer opens on their own province; anyone else on the default.
        ProvinceCode = string.IsNullOrWhiteSpace(ProvinceCode) ? WorkingCalendarService.OwnProvince(User) ?? DefaultProvince : ProvinceCode.Trim();
        Province = Provinces.Find(ProvinceCode);
        if (Province is null)
        {
            ModelState.AddModelError("province", t["Mã tỉnh không hợp lệ. Vui lòng chọn tỉnh, thành phố trong danh sách."]);
        }

        if (!string.IsNullOrWhiteSpace(YearText))
        {
            if (int.TryParse(YearText.Trim(), out var year) && year is >= YearDecisionValidator.MinYear and <= YearDecisionValidator.MaxYear)
            {
                Year = year;
            }
            else
            {
                ModelState.AddModelError("year", t["Năm phải là số từ {0} đến {1}.", YearDecisionValidator.MinYear, YearDecisionValidator.MaxYear]);
            }
        }

        if (!ModelState.IsValid || Province is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        YearText = Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Calendar = await calendars.GetAsync(Province.Code, cancellationToken);
        CalendarYear = Calendar.Year(Year);
        MayEdit = WorkingCalendarService.MayRecord(User, Province.Code);
    }
}
