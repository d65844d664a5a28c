using System.Text.Json.Serialization;

namespace OneStop.Web.Catalog.Definitions;

/// <summary>The application form (tờ khai): pages of fields, one topic per page.</summary>
public sealed record FormDefinition
{
    public required IReadOnlyList<FormPage> Pages { get; init; }

    [JsonIgnore]
    public IEnumerable<FieldDefinition> AllFields => Pages.SelectMany(p => p.Fields);
}

public sealed record FormPage
{
    public required string Key { get; init; }

    public required LocalizedText Title { get; init; }

    public LocalizedText? Description { get; init; }

    /// <summary>The page is asked only when this holds.</summary>
    public FieldCondition? ShowWhen { get; init; }

    public required IReadOnlyList<FieldDefinition> Fields { get; init; }
}

public enum FieldType
{
    Text,
    Textarea,
    Date,
    Number,
    Select,

    /// <summary>A 12-digit personal identification number (số định danh cá nhân).</summary>
    IdNumber,

    /// <summary>A tax code: 10 digits with a check digit, 13 for a branch, or a 12-digit personal number.</summary>
    TaxCode,

    /// <summary>A commune, ward or special zone by its 5-digit unit code.</summary>
    Commune,

    /// <summary>Yes or no: the values are <c>yes</c> and <c>no</c>.</summary>
    YesNo,
}

public sealed record FieldDefinition
{
    public required string Key { get; init; }

    public required LocalizedText Label { get; init; }

    public LocalizedText? Hint { get; init; }

    public required FieldType Type { get; init; }

    /// <summary>The choices of a <see cref="FieldType.Select"/>.</summary>
    public IReadOnlyList<FieldOption> Options { get; init; } = [];

    public FieldValidation Validation { get; init; } = new();

    /// <summary>The field is asked only when this holds.</summary>
    public FieldCondition? ShowWhen { get; init; }

    /// <summary>
    /// The registry value that pre-fills the field, e.g. <c>population.fullName</c>, so the person
    /// declares it only once.
    /// </summary>
    public string? Source { get; init; }

    /// <summary>
    /// The field whose value names the person or thing <see cref="Source"/> is read for (e.g. the
    /// father's ID number); absent means the signed-in applicant.
    /// </summary>
    public string? SourceKey { get; init; }
}

public sealed record FieldOption(string Value, LocalizedText Label);

public sealed record FieldValidation
{
    public bool Required { get; init; }

    /// <summary>A .NET regular expression the whole value must match.</summary>
    public string? Pattern { get; init; }

    /// <summary>What to tell the person when <see cref="Pattern"/> does not match.</summary>
    public LocalizedText? PatternMessage { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>Smallest number allowed (number fields).</summary>
    public decimal? Min { get; init; }

    /// <summary>Largest number allowed (number fields).</summary>
    public decimal? Max { get; init; }

    /// <summary>
    /// Digits allowed after the decimal comma (number fields, at most <see cref="Forms.VietnameseNumber.MaxDecimals"/>);
    /// none when left out: copies, workers and amounts in đồng are whole.
    /// </summary>
    public int? Decimals { get; init; }

    /// <summary>Earliest date: <c>today</c> or yyyy-MM-dd (date fields).</summary>
    public string? MinDate { get; init; }

    /// <summary>Latest date: <c>today</c> or yyyy-MM-dd (date fields).</summary>
    public string? MaxDate { get; init; }
}

/// <summary>Holds when the field <see cref="Field"/> has the value <see cref="EqualTo"/> or one of <see cref="In"/>.</summary>
public sealed record FieldCondition
{
    public required string Field { get; init; }

    public string? EqualTo { get; init; }

    public IReadOnlyList<string>? In { get; init; }

    public bool IsMetBy(string? value) =>
        value is not null && (EqualTo is not null ? value == EqualTo : In?.Contains(value) == true);
}
