using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.AdministrativeUnits.Api;
using OneStop.Web.Shared.Localization;

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

    /// <summary>Why the date asked for is not the one shown, when it is not.</summary>
    public PageText? DateError { get; private set; }

    /// <summary>A date after today: the list shown is the latest known, and later changes are not.</summary>
    public bool InFuture { get; private set; }

    public string? QueryError { get; private set; }

    public IAdministrativeUnitDirectory Directory => directory;

    public void OnGet()
    {
        Date = UnitPageDates.Read(At, time, directory, out var dateError);
        DateError = dateError;
        InFuture = Date > AdministrativeUnitEndpoints.Today(time);
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

/// <summary>A Vietnamese text key of the pages' texts with its arguments.</summary>
public sealed record PageText(string Key, params object[] Arguments);

/// <summary>
/// The <c>at</c> date of the pages: empty means today, anything unreadable is an error shown to the person, and so is
/// a date before the oldest list, which the pages show at that list's date instead of passing it off as in force then.
/// </summary>
internal static class UnitPageDates
{
    public static DateOnly Read(string? at, TimeProvider time, IAdministrativeUnitDirectory directory, out PageText? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(at))
        {
            return AdministrativeUnitEndpoints.Today(time);
        }

        if (!DateOnly.TryParseExact(at.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error = new PageText("Ngày không hợp lệ. Chọn ngày trong lịch hoặc nhập theo dạng năm-tháng-ngày, ví dụ 2025-07-01. Trang đang hiển thị ngày hôm nay.");
            return AdministrativeUnitEndpoints.Today(time);
        }

        if (date < directory.EarliestKnownDate)
        {
            var earliest = VietnameseFormat.Date(directory.EarliestKnownDate);
            error = new PageText(
                "Không có danh mục đơn vị hành chính nào cho ngày {0}: danh mục sớm nhất mà OneStop biết là danh mục ngày {1}. Trang đang hiển thị ngày {1}.",
                VietnameseFormat.Date(date), earliest);
            return directory.EarliestKnownDate;
        }

        return date;
    }
}
