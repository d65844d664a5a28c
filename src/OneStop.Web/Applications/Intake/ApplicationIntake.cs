using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Tracking;
using OneStop.Web.Catalog;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Catalog.Forms;
using OneStop.Web.Notifications;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Persistence;

namespace OneStop.Web.Applications.Intake;

/// <summary>An application to take in, online from the portal or typed in at the one-stop desk.</summary>
public sealed record SubmissionRequest
{
    public required string ProcedureCode { get; init; }

    public required ApplicationChannel Channel { get; init; }

    public required string ApplicantIdNumber { get; init; }

    public required string ApplicantName { get; init; }

    /// <summary>The applicant's commune (a current code, or a code from before the reform that maps to one commune).</summary>
    public required string CommuneCode { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? Address { get; init; }

    public required IReadOnlyDictionary<string, string?> Values { get; init; }

    /// <summary>The client's Idempotency-Key, or the form's one-time token: the same key gives the same application.</summary>
    public string? SubmissionKey { get; init; }

    public required StepActor SubmittedBy { get; init; }

    /// <summary>Entities to write in the submission's transaction (attachments, the prefill confirmations).</summary>
    public Func<Application, IEnumerable<object>>? AlsoWrite { get; init; }
}

/// <summary>The application taken in, or why not; <c>Repeated</c> when the submission key had made it before.</summary>
public sealed record SubmissionResult(Application? Application, bool Repeated, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Application is not null;
}

/// <summary>
/// Takes in an application: checks the applicant, the commune and every answer against the procedure's
/// current version, routes it to the competent unit, gives it its code and legal due moment, and writes
/// it with its first event in one transaction. Nothing is written when anything is wrong.
/// </summary>
public sealed partial class ApplicationIntake(
    OneStopDbContext db,
    IProcedureCatalog catalog,
    IAdministrativeUnitDirectory units,
    FormValidator validator,
    ApplicationCodes codes,
    ApplicationJournal journal,
    TrackingLink tracking,
    TimeProvider clock)
{
    public async Task<SubmissionResult> SubmitAsync(SubmissionRequest request, CancellationToken cancellationToken = default)
    {
        if (request.SubmissionKey is { } key)
        {
            var earlier = await db.Set<Application>().AsNoTracking()
                .FirstOrDefaultAsync(a => a.ApplicantIdNumber == request.ApplicantIdNumber && a.SubmissionKey == key, cancellationToken);
            if (earlier is not null)
            {
                return earlier.ProcedureCode == request.ProcedureCode
                    ? new SubmissionResult(earlier, true, [])
                    : Failed(Error("submissionKey", "key-reused",
                        "Mã gửi hồ sơ này đã được dùng cho một thủ tục khác.",
                        "This Idempotency-Key was already used for another procedure; use a new key for a new application."));
            }
        }

        var procedure = await catalog.GetCurrentAsync(request.ProcedureCode, cancellationToken);
        if (procedure is null)
        {
            return Failed(Error("procedureCode", "unknown-procedure",
                $"Không có thủ tục mã {request.ProcedureCode}.",
                $"There is no procedure with code '{request.ProcedureCode}'."));
        }

        var definition = procedure.Definition;
        if (request.Channel == ApplicationChannel.Online && !definition.OffersOnline)
        {
            return Failed(Error("procedureCode", "not-online",
                "Thủ tục này chưa nhận hồ sơ trực tuyến; vui lòng nộp tại Bộ phận Một cửa.",
                "This procedure does not take online applications; apply at the one-stop desk."));
        }

        var errors = new List<FieldError>();
        CheckApplicant(request, errors);
        var today = DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(clock.GetUtcNow()).DateTime);
        var commune = CurrentCommune(request.CommuneCode, today, errors);
        var answers = validator.Validate(definition.Form, request.Values, CommunesInForce(units));
        errors.AddRange(answers.Errors);

        string? unitCode = null;
        string? provinceCode = null;
        if (commune is not null)
        {
            provinceCode = units.ProvinceOf(commune.Code, today)?.Code;
            unitCode = provinceCode is null ? null : CompetentUnits.Route(definition, provinceCode, commune.Code);
            if (unitCode is null)
            {
                errors.Add(Error("communeCode", "no-competent-unit",
                    "Chưa xác định được cơ quan có thẩm quyền giải quyết tại địa bàn này.",
                    $"No competent unit of type '{definition.CompetentUnit.Type}' is known for this commune's province."));
            }
        }

        if (errors.Count > 0)
        {
            return Failed([.. errors]);
        }

        var now = clock.GetUtcNow();
        var application = new Application
        {
            Code = await codes.NextAsync(unitCode!, now, cancellationToken),
            ProcedureCode = definition.Code,
            ProcedureVersion = procedure.Version,
            ProcedureName = definition.Name.Vi,
            Channel = request.Channel,
            ProvinceCode = provinceCode!,
            UnitCode = unitCode!,
            ApplicantCommuneCode = commune!.Code,
            ApplicantIdNumber = request.ApplicantIdNumber,
            ApplicantName = request.ApplicantName.Trim(),
            ApplicantPhone = Blank(request.Phone),
            ApplicantEmail = Blank(request.Email),
            ApplicantAddress = Blank(request.Address),
            FormValuesJson = JsonSerializer.Serialize(answers.Values),
            State = definition.Workflow.InitialState,
            SubmittedAt = now,
            SubmissionKey = request.SubmissionKey,
        };

        foreach (var entity in request.AlsoWrite?.Invoke(application) ?? [])
        {
            db.Add(entity);
        }

        var outcome = await journal.StartAsync(
            application,
            new ApplicationStep("submit", definition.Workflow.InitialState, request.SubmittedBy) { Messages = Acknowledgements(application) },
            definition,
            cancellationToken);
        if (outcome != StepOutcome.Done)
        {
            // Another request with the same key won the race; answer with its application.
            var winner = request.SubmissionKey is null ? null : await db.Set<Application>().AsNoTracking()
                .FirstOrDefaultAsync(a => a.ApplicantIdNumber == request.ApplicantIdNumber && a.SubmissionKey == request.SubmissionKey, cancellationToken);
            return winner is not null
                ? new SubmissionResult(winner, true, [])
                : throw new InvalidOperationException("The submission could not be written.");
        }

        return new SubmissionResult(application, false, []);
    }

    private List<NotificationMessage> Acknowledgements(Application application)
    {
        var subject = $"Hồ sơ {application.Code} đã được gửi";
        var body = $"Hồ sơ {application.Code} ({application.ProcedureName}) của {application.ApplicantName} đã được gửi. "
            + $"Theo dõi hồ sơ: {tracking.OwnPageUrl(application.Code)} (đăng nhập), hoặc tra cứu không cần đăng nhập tại "
            + $"{tracking.LookupUrl(application.Code)} bằng số định danh cá nhân của người nộp.";
        var messages = new List<NotificationMessage>();
        if (application.ApplicantEmail is { } email)
        {
            messages.Add(new NotificationMessage { Channel = NotificationChannel.Email, Recipient = email, Subject = subject, Body = body, Reference = application.Code, Kind = "applications.submitted", CreatedAt = application.SubmittedAt });
        }

        if (application.ApplicantPhone is { } phone)
        {
            messages.Add(new NotificationMessage { Channel = NotificationChannel.Sms, Recipient = phone, Subject = subject, Body = subject + ".", Reference = application.Code, Kind = "applications.submitted", CreatedAt = application.SubmittedAt });
        }

        return messages;
    }

    private static void CheckApplicant(SubmissionRequest request, List<FieldError> errors)
    {
        if (!IdNumberPattern().IsMatch(request.ApplicantIdNumber ?? ""))
        {
            errors.Add(Error("applicantIdNumber", "id-number", "Số định danh cá nhân gồm đúng 12 chữ số.", "The applicant's personal identification number must be exactly 12 digits."));
        }

        if (string.IsNullOrWhiteSpace(request.ApplicantName) || request.ApplicantName.Trim().Length > 200)
        {
            errors.Add(Error("applicantName", "name", "Nhập họ, chữ đệm và tên người nộp hồ sơ (tối đa 200 ký tự).", "Give the applicant's full name (at most 200 characters)."));
        }

        if (Blank(request.Phone) is { } phone && !PhonePattern().IsMatch(phone))
        {
            errors.Add(Error("phone", "phone", "Số điện thoại gồm 10 chữ số, bắt đầu bằng 0.", "A phone number has 10 digits and starts with 0."));
        }

        if (Blank(request.Email) is { } email && (email.Length > 200 || !EmailPattern().IsMatch(email)))
        {
            errors.Add(Error("email", "email", "Địa chỉ thư điện tử không hợp lệ, ví dụ: ten@example.vn.", "The e-mail address is not valid, e.g. name@example.vn."));
        }

        if (Blank(request.Address) is { Length: > 500 })
        {
            errors.Add(Error("address", "address", "Địa chỉ tối đa 500 ký tự.", "The address may have at most 500 characters."));
        }
    }

    private AdministrativeUnit? CurrentCommune(string? code, DateOnly today, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(Error("communeCode", "commune", "Chọn xã, phường, đặc khu nơi cư trú.", "Give the applicant's commune (5-digit unit code)."));
            return null;
        }

        if (units.Find(code, today) is { Level: UnitLevel.Commune } current)
        {
            return current;
        }

        if (units.Lookup(code, today) is { Level: UnitLevel.Commune } former
            && units.SuccessorsAt(former, today) is [{ Kind: SuccessionKind.Full } only])
        {
            return only.Unit;
        }

        errors.Add(Error("communeCode", "commune",
            $"Mã {code} không phải là một xã, phường, đặc khu hiện hành; chọn đơn vị mới sau sắp xếp.",
            $"'{code}' is not a commune in force today, nor one that became a single current commune; give the current commune code."));
        return null;
    }

    /// <summary>The places a form's commune fields accept: a commune, ward or special zone in force on the day.</summary>
    public static CommuneInForce CommunesInForce(IAdministrativeUnitDirectory units) =>
        (code, day) => units.Find(code, day) is { Level: UnitLevel.Commune };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static FieldError Error(string field, string code, string vi, string en) => new(field, code, new LocalizedText(vi, en));

    private static SubmissionResult Failed(params FieldError[] errors) => new(null, false, errors);

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex IdNumberPattern();

    [GeneratedRegex(@"^0\d{9}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
