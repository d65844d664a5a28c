using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.AdministrativeUnits.Api;

namespace OneStop.Web.AdministrativeUnits.Pages;

/// <summary>The provinces in force on a date, and a search by name.</summary>
[AllowAnonymous]
public sealed class UnitsIndexModel(IAdministrativeUnitDirectory directory, TimeProvider time) : PageModel
{
    public const int SearchLimit = 20;

    [BindProperty(SupportsGet = true, Name = "at")]
    public string? At { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public DateOnly Date { get; private set; }

    public UnitSet Set { get; private set; } = null!;

    public IReadOnlyList<AdministrativeUnit> Provinces { get; private set; } = [];

    public IReadOnlyList<UnitSearchHit>? Results { get; private set; }

    /// <summary>A Vietnamese text key when the date could not be read.</summary>
    public string? DateError { get; private set; }

    public string? QueryError { get; private set; }

    public IAdministrativeUnitDirectory Directory => directory;

    public void OnGet()
    {
        Date = UnitPageDates.Read(At, time, out var dateError);
        DateError = dateError;
        Set = directory.SetAt(Date);
        Provinces = directory.Provinces(Date);
        if (Query is not null)
        {
            if (VietnameseNames.Fold(Query).Length == 0)
            {
                QueryError = "Nhập tên đơn vị cần tìm, có dấu hoặc không dấu.";
            }
            else if (Query.Length > AdministrativeUnitEndpoints.MaxTextLength)
            {
                QueryError = "Tên cần tìm dài tối đa 100 ký tự.";
            }
            else
            {
                Results = directory.Search(Query, Date, SearchLimit);
            }
        }
    }
}

/// <summary>The <c>at</c> date of the pages: empty means today, anything unreadable is an error shown to the person.</summary>
internal static class UnitPageDates
{
    public static DateOnly Read(string? at, TimeProvider time, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(at))
        {
            return AdministrativeUnitEndpoints.Today(time);
        }

        if (DateOnly.TryParseExact(at.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        error = "Ngày không hợp lệ. Chọn ngày trong lịch hoặc nhập theo dạng năm-tháng-ngày, ví dụ 2025-07-01. Trang đang hiển thị ngày hôm nay.";
        return AdministrativeUnitEndpoints.Today(time);
    }
}
