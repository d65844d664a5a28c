using System.Text;
using System.Text.Json.Nodes;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Exchange.Prefill;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Workspace.Casework;

public enum CrossCheckOutcome
{
    /// <summary>The answer says what the registry holds.</summary>
    Matches,

    /// <summary>The answer says something else than the registry: the officer asks the applicant.</summary>
    Differs,

    /// <summary>The registry answered but holds no such value (or no record of the person).</summary>
    NotHeld,

    /// <summary>The registry could not be asked (down, slow, or the workspace has no right to the field).</summary>
    Unavailable,
}

/// <summary>One answer beside the registry's value.</summary>
public sealed record CrossCheckLine(
    string FieldKey,
    LocalizedText Label,
    string SubjectIdNumber,
    string Declared,
    string? Registered,
    CrossCheckOutcome Outcome,
    string? Registry);

public sealed record CrossCheckReport(DateTimeOffset CheckedAt, IReadOnlyList<CrossCheckLine> Lines)
{
    public int Differences => Lines.Count(l => l.Outcome == CrossCheckOutcome.Differs);
}

/// <summary>
/// The officer's side of "declare only once": the answers a procedure's form takes from a registry (the applicant's
/// own, and another person's named by an ID number in the form, such as the child's mother) are read again through
/// the exchange gateway, with the officer as the end user, and shown beside what the applicant declared. The
/// portal never reads another person's data for the citizen; the officer, who must verify the file anyway, may
/// (purpose <c>application-verification</c>), and each reading appears in that person's "who used my data".
/// </summary>
public sealed class RegistryCrossCheck(IRegistryCrossCheck registries, ICurrentOfficer officer, AnswerDisplay display, TimeProvider clock)
{
    /// <summary>
    /// The form's fields that a registry can confirm. A field other fields are read by (an ID number) is the key of
    /// the reading, not a fact to confirm: it is left out.
    /// </summary>
    public static IReadOnlyList<FieldDefinition> Checkable(ProcedureDefinition definition)
    {
        var fields = definition.Form.AllFields.ToList();
        var keys = fields.Where(f => f.SourceKey is not null).Select(f => f.SourceKey!).ToHashSet(StringComparer.Ordinal);
        return [.. fields.Where(f => f.Source is not null && !keys.Contains(f.Key))];
    }

    /// <summary>Reads and compares; the caller has already opened the case, so the officer's jurisdiction is checked.</summary>
    public async Task<CrossCheckReport> RunAsync(CaseFile file, CancellationToken cancellationToken = default)
    {
        var application = file.Application;
        var answers = AnswerDisplay.Raw(application);
        var checkable = Checkable(file.Procedure.Definition);
        var asked = new List<(FieldDefinition Field, string Subject, string Declared)>();
        foreach (var field in checkable)
        {
            var subject = field.SourceKey is { } key ? answers.GetValueOrDefault(key)?.Trim() : application.ApplicantIdNumber;
            var declared = answers.GetValueOrDefault(field.Key);
            if (string.IsNullOrWhiteSpace(declared) || subject is null || subject.Length != 12 || !subject.All(char.IsAsciiDigit))
            {
                continue;
            }

            asked.Add((field, subject, declared));
        }

        var lines = new List<CrossCheckLine>();
        foreach (var person in asked.GroupBy(a => a.Subject))
        {
            var result = await registries.ReadForOfficerAsync(new CrossCheckRequest(
                officer.Id ?? "", officer.UnitCode ?? "", person.Key, [.. person.Select(a => a.Field.Source!).Distinct()], application.Code), cancellationToken);
            foreach (var (field, subject, declared) in person)
            {
                var read = result.Fields.First(f => f.Source == field.Source);
                var registered = read is { Status: PrefillStatus.Available, Value: JsonValue value } ? value.ToString() : null;
                var outcome = read.Status switch
                {
                    PrefillStatus.Available when registered is null => CrossCheckOutcome.NotHeld,
                    PrefillStatus.Available => Comparable(registered!) == Comparable(declared) ? CrossCheckOutcome.Matches : CrossCheckOutcome.Differs,
                    PrefillStatus.NotHeld => CrossCheckOutcome.NotHeld,
                    _ => CrossCheckOutcome.Unavailable,
                };
                lines.Add(new CrossCheckLine(
                    field.Key, field.Label, subject, display.Display(field, declared),
                    registered is null ? null : display.Display(field, registered), outcome, read.Origin?.Registry));
            }
        }

        // Read person by person, but an officer compares them with the form in hand: its order, whoever an answer is about.
        var order = checkable.Select((f, i) => (f.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        return new CrossCheckReport(clock.GetUtcNow(), [.. lines.OrderBy(l => order[l.FieldKey])]);
    }

    /// <summary>Names are compared as people write them: composed the same way, spaces and letter case aside.</summary>
    private static string Comparable(string value) =>
        string.Join(' ', value.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
