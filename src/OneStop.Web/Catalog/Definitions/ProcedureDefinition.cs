using System.Globalization;
using System.Text.Json.Serialization;
using OneStop.Web.Shared.Localization;

namespace OneStop.Web.Catalog.Definitions;

/// <summary>
/// One administrative procedure as the catalogue publishes it: what a province administrator writes in a
/// procedure file (<c>Catalog/Procedures/*.yaml</c>) and what every version stores, whole, as JSON. The
/// portal renders its form, the officer workspace runs its workflow, and the public pages show the rest.
/// </summary>
public sealed record ProcedureDefinition
{
    /// <summary>The national code in the national procedure database, e.g. <c>1.001193</c>.</summary>
    public required string Code { get; init; }

    public required LocalizedText Name { get; init; }

    /// <summary>One or two plain sentences: who it is for and what it gives.</summary>
    public required LocalizedText Summary { get; init; }

    /// <summary>Words people search with that the name lacks ("làm giấy khai sinh cho con").</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The field (lĩnh vực) the procedure belongs to.</summary>
    public required ProcedureField Field { get; init; }

    public required ProcedureLevel Level { get; init; }

    public required CompetentUnit CompetentUnit { get; init; }

    /// <summary>The decision that published the procedure, e.g. "Quyết định 163/QĐ-BTP".</summary>
    public required string PublishedBy { get; init; }

    /// <summary>Who may apply (đối tượng thực hiện).</summary>
    public required LocalizedText Applicants { get; init; }

    /// <summary>How an application can be submitted.</summary>
    public required IReadOnlyList<Channel> Channels { get; init; }

    /// <summary>Whether every step, payment and the result can happen online (dịch vụ công trực tuyến toàn trình).</summary>
    public bool FullProcessOnline { get; init; }

    public required ProcessingTime ProcessingTime { get; init; }

    public required IReadOnlyList<FeeDefinition> Fees { get; init; }

    public required IReadOnlyList<DocumentRequirement> Documents { get; init; }

    public required FormDefinition Form { get; init; }

    public required WorkflowDefinition Workflow { get; init; }

    public required ResultDefinition Result { get; init; }

    /// <summary>The legal texts the procedure rests on, as Vietnamese citations.</summary>
    public required IReadOnlyList<string> LegalBasis { get; init; }

    /// <summary>Where the facts in this definition come from.</summary>
    public required IReadOnlyList<SourceReference> Sources { get; init; }

    /// <summary>Points a province should check; <see cref="ProcedureNote.Uncertain"/> marks the doubtful ones.</summary>
    public IReadOnlyList<ProcedureNote> Notes { get; init; } = [];

    public IReadOnlyList<RelatedProcedure> Related { get; init; } = [];

    [JsonIgnore]
    public bool OffersOnline => Channels.Contains(Channel.Online);
}

/// <summary>A text in Vietnamese and English; Vietnamese is the authoritative one.</summary>
public sealed record LocalizedText(string Vi, string En)
{
    /// <summary>The text for the current UI culture: English only when English was chosen.</summary>
    [JsonIgnore]
    public string Current => For(CultureInfo.CurrentUICulture);

    public string For(CultureInfo culture) => ReaderLanguage.IsEnglishCulture(culture) ? En : Vi;

    public override string ToString() => Vi;
}

public sealed record ProcedureField(string Key, LocalizedText Name);

public enum ProcedureLevel
{
    Province,
    Commune,
}

/// <summary>The kind of body that decides (e.g. commune People's Committee, provincial police).</summary>
public sealed record CompetentUnit(string Type, LocalizedText Name);

public enum Channel
{
    InPerson,
    Online,
    Post,
}

public enum TimeUnit
{
    /// <summary>Working days on the working calendar.</summary>
    WorkingDays,

    /// <summary>Working hours on the working calendar (8 to a working day).</summary>
    WorkingHours,

    /// <summary>Calendar days; a due date on a day off moves to the next working day.</summary>
    Days,

    /// <summary>Within the day received; received after <see cref="ProcessingTime.Cutoff"/>, the next working day.</summary>
    SameDay,
}

/// <summary>The legal processing time (thời hạn giải quyết) and when it may be longer.</summary>
public sealed record ProcessingTime
{
    public required TimeUnit Unit { get; init; }

    /// <summary>How many units; absent for <see cref="TimeUnit.SameDay"/>.</summary>
    public int? Amount { get; init; }

    /// <summary>For same-day procedures: received after this local time ("15:00"), due the next working day.</summary>
    public string? Cutoff { get; init; }

    /// <summary>Longer limits the law allows in named cases.</summary>
    public IReadOnlyList<TimeExtension> Extensions { get; init; } = [];

    /// <summary>The limit in working hours an officer's plan may use, 8 to a working day.</summary>
    [JsonIgnore]
    public int BudgetInWorkingHours => Unit switch
    {
        TimeUnit.SameDay => 8,
        TimeUnit.WorkingHours => Amount ?? 0,
        TimeUnit.WorkingDays => (Amount ?? 0) * 8,
        // Any run of calendar days holds at least five working days in seven (holidays aside).
        TimeUnit.Days => (Amount ?? 0) * 5 / 7 * 8,
        _ => 0,
    };
}

public sealed record TimeExtension(TimeUnit Unit, int Amount, LocalizedText Condition);

public enum FeeUnit
{
    Application,
    Page,
    Copy,
}

/// <summary>A fee or charge (lệ phí, phí) with its amounts, exemptions and legal basis.</summary>
public sealed record FeeDefinition
{
    public required string Key { get; init; }

    public required LocalizedText Name { get; init; }

    public required IReadOnlyList<FeeAmount> Amounts { get; init; }

    /// <summary>A cap per <see cref="FeeUnit"/> charged (e.g. 200,000 đồng per certified copy).</summary>
    public long? Maximum { get; init; }

    public IReadOnlyList<LocalizedText> Exemptions { get; init; } = [];

    /// <summary>The amount is decided by the provincial People's Council; the one given is an example.</summary>
    public bool SetByProvince { get; init; }

    public required string LegalBasis { get; init; }
}

/// <summary>An amount in đồng, per unit, optionally for one channel or from the n-th unit on.</summary>
public sealed record FeeAmount
{
    public required long Amount { get; init; }

    public FeeUnit Per { get; init; } = FeeUnit.Application;

    /// <summary>Only when submitted through this channel; absent means any channel.</summary>
    public Channel? Channel { get; init; }

    /// <summary>Applies from this unit on (e.g. from the 3rd page).</summary>
    public int? From { get; init; }

    public LocalizedText? Condition { get; init; }
}

public enum DocumentForm
{
    /// <summary>Bản chính: the original is handed in.</summary>
    Original,

    /// <summary>Bản sao: a plain copy.</summary>
    Copy,

    /// <summary>Bản sao có chứng thực.</summary>
    CertifiedCopy,

    /// <summary>Bản chính để đối chiếu: shown, then handed back.</summary>
    OriginalToPresent,

    /// <summary>Bản chính hoặc bản sao có chứng thực.</summary>
    OriginalOrCertifiedCopy,

    /// <summary>Filled in: the application form itself (paper or the online form).</summary>
    Form,
}

/// <summary>A document in the application file (thành phần hồ sơ).</summary>
public sealed record DocumentRequirement
{
    public required string Key { get; init; }

    public required LocalizedText Name { get; init; }

    public required DocumentForm Form { get; init; }

    public int Quantity { get; init; } = 1;

    /// <summary>False when only some applicants need it; <see cref="Condition"/> says who.</summary>
    public bool Required { get; init; } = true;

    public LocalizedText? Condition { get; init; }

    /// <summary>
    /// The registry data that proves the same thing (e.g. <c>population.person</c>); when the officer can
    /// read it there, the applicant need not bring the document ("declare once").
    /// </summary>
    public string? ReplacedBy { get; init; }

    public LocalizedText? ReplacedNote { get; init; }

    /// <summary>The official form to use, e.g. "Mẫu CT01 (Thông tư 53/2025/TT-BCA)".</summary>
    public string? Template { get; init; }
}

public sealed record ResultDefinition
{
    public required LocalizedText Name { get; init; }

    /// <summary>Whether the result is also issued as a signed electronic document.</summary>
    public bool Electronic { get; init; }

    public required ResultTemplate Template { get; init; }
}

/// <summary>The result document; <c>{{key}}</c> in the body is a form field or a value the system fills.</summary>
public sealed record ResultTemplate(LocalizedText Title, LocalizedText Body)
{
    /// <summary>Values the system fills, besides the form's fields.</summary>
    public static readonly IReadOnlyList<string> SystemPlaceholders =
        ["applicationCode", "issuedDate", "unitName", "signerName", "signerTitle", "applicantName"];
}

public sealed record SourceReference(string Key, string Reference);

/// <summary>A remark on the definition; uncertain ones (⚠) are what a province should confirm.</summary>
public sealed record ProcedureNote
{
    /// <summary>What the note is about: processingTime, fees, documents, competentUnit, form, general…</summary>
    public required string About { get; init; }

    public bool Uncertain { get; init; }

    public required LocalizedText Text { get; init; }
}

public sealed record RelatedProcedure(string Code, LocalizedText Note);
