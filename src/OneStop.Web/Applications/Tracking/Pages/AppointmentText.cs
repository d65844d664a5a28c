using Microsoft.Extensions.Localization;
using OneStop.Web.Applications.Model;
using OneStop.Web.Shared.Localization;

namespace OneStop.Web.Applications.Tracking.Pages;

/// <summary>The appointment as the citizen's pages show it: none once the application ended without a result.</summary>
public static class AppointmentText
{
    public static string Of(IStringLocalizer<TrackingText> t, ApplicationStatus status, DateTimeOffset? appointmentAt) =>
        status.EndedWithoutResult() ? t["Không còn (hồ sơ không có kết quả)"]
        : appointmentAt is { } at ? VietnameseFormat.LocalizedMoment(at)
        : "-";
}
