namespace OneStop.Web.Applications.Model;

/// <summary>
/// The status vocabulary of the national public-service portal, with its numbers, so that a citizen
/// reads the same words here and there. A procedure's workflow states map onto it
/// (<see cref="ApplicationStatuses.FromState"/>).
/// </summary>
public enum ApplicationStatus
{
    /// <summary>Mới: submitted, not yet looked at by the desk.</summary>
    New = 1,

    /// <summary>Được tiếp nhận.</summary>
    Received = 2,

    /// <summary>Không được tiếp nhận: refused at the desk.</summary>
    NotReceived = 3,

    /// <summary>Đang xử lý.</summary>
    Processing = 4,

    /// <summary>Yêu cầu bổ sung giấy tờ.</summary>
    SupplementRequested = 5,

    /// <summary>Yêu cầu thực hiện nghĩa vụ tài chính.</summary>
    FinancialObligation = 6,

    /// <summary>Công dân yêu cầu rút hồ sơ.</summary>
    WithdrawalRequested = 7,

    /// <summary>Dừng xử lý: refused after reception, or withdrawn.</summary>
    Stopped = 8,

    /// <summary>Đã xử lý xong: the result is ready.</summary>
    Resolved = 9,

    /// <summary>Đã trả kết quả.</summary>
    ResultReturned = 10,
}

public static class ApplicationStatuses
{
    /// <summary>
    /// The national status of a workflow state. The shipped workflows name their states by these
    /// conventions; any other state is "processing".
    /// </summary>
    public static ApplicationStatus FromState(string state, bool received) => state switch
    {
        "submitted" => ApplicationStatus.New,
        "received" => ApplicationStatus.Received,
        "supplement-requested" => ApplicationStatus.SupplementRequested,
        "financial-obligation" or "awaiting-payment" => ApplicationStatus.FinancialObligation,
        "withdrawal-requested" => ApplicationStatus.WithdrawalRequested,
        "result-ready" => ApplicationStatus.Resolved,
        "returned" => ApplicationStatus.ResultReturned,
        "refused" => received ? ApplicationStatus.Stopped : ApplicationStatus.NotReceived,
        "withdrawn" or "stopped" => ApplicationStatus.Stopped,
        _ => ApplicationStatus.Processing,
    };

    /// <summary>
    /// An application refused or stopped (withdrawn among them) will have no result: its appointment no longer
    /// holds and is not shown as if it did.
    /// </summary>
    public static bool EndedWithoutResult(this ApplicationStatus status) =>
        status is ApplicationStatus.Stopped or ApplicationStatus.NotReceived;

    public static string Vietnamese(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.New => "Mới",
        ApplicationStatus.Received => "Được tiếp nhận",
        ApplicationStatus.NotReceived => "Không được tiếp nhận",
        ApplicationStatus.Processing => "Đang xử lý",
        ApplicationStatus.SupplementRequested => "Yêu cầu bổ sung giấy tờ",
        ApplicationStatus.FinancialObligation => "Yêu cầu thực hiện nghĩa vụ tài chính",
        ApplicationStatus.WithdrawalRequested => "Công dân yêu cầu rút hồ sơ",
        ApplicationStatus.Stopped => "Dừng xử lý",
        ApplicationStatus.Resolved => "Đã xử lý xong",
        ApplicationStatus.ResultReturned => "Đã trả kết quả",
        _ => status.ToString(),
    };

    public static string English(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.New => "New",
        ApplicationStatus.Received => "Received",
        ApplicationStatus.NotReceived => "Not received",
        ApplicationStatus.Processing => "Processing",
        ApplicationStatus.SupplementRequested => "Supplement requested",
        ApplicationStatus.FinancialObligation => "Financial obligation",
        ApplicationStatus.WithdrawalRequested => "Withdrawal requested",
        ApplicationStatus.Stopped => "Stopped",
        ApplicationStatus.Resolved => "Resolved",
        ApplicationStatus.ResultReturned => "Result returned",
        _ => status.ToString(),
    };

    /// <summary>The API's name of a status: kebab-case English, e.g. <c>supplement-requested</c>.</summary>
    public static string Key(this ApplicationStatus status) =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());
}
