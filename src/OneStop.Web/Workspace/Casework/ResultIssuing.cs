using System.Text.RegularExpressions;
using OneStop.Web.Applications.Model;
using OneStop.Web.Catalog.Definitions;
using OneStop.Web.Documents;
using OneStop.Web.Documents.Templates;
using OneStop.Web.Shared.Localization;
using OneStop.Web.Shared.Security;
using OneStop.Web.Signing;
using OneStop.Web.Signing.Issued;

namespace OneStop.Web.Workspace.Casework;

/// <summary>
/// Issues the electronic result of an approved application: the procedure's own title and body with
/// <c>{{key}}</c> filled from the answers and the system's values, signed with the approving
/// leader's own certificate.
/// </summary>
public sealed partial class ResultIssuing(
    IResultDocuments results,
    ICurrentOfficer officer,
    UnitOfficers unitOfficers,
    AnswerDisplay answers,
    TimeProvider clock)
{
    public async Task<IssuedResult> IssueAsync(Application application, ProcedureDefinition definition, CancellationToken cancellationToken = default)
    {
        var signer = officer.Id is { } id ? await unitOfficers.FindAsync(id, cancellationToken) : null;
        if (signer is null)
        {
            throw new InvalidOperationException("The approving officer's account was not found.");
        }

        const string position = "Thủ trưởng đơn vị";
        var today = DateOnly.FromDateTime(VietnameseFormat.ToVietnamTime(clock.GetUtcNow()).DateTime);
        // The body reads as prose (option labels, names, dates); the title keeps the values as answered ("SỐ 1").
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var titleValues = new Dictionary<string, string>(StringComparer.Ordinal);
        var raw = AnswerDisplay.Raw(application);
        foreach (var field in definition.Form.AllFields)
        {
            if (raw.TryGetValue(field.Key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                values[field.Key] = answers.Display(field, value);
                titleValues[field.Key] = value;
            }
        }

        values["applicationCode"] = application.Code;
        values["issuedDate"] = VietnameseFormat.DocumentDate(today);
        values["unitName"] = signer.UnitName;
        values["signerName"] = signer.FullName;
        values["signerTitle"] = position;
        values["applicantName"] = application.ApplicantName;

        var template = definition.Result.Template;
        var body = Fill(template.Body.Vi, values)
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => (DocumentBlock)new Paragraph(line))
            .ToList();
        var document = DocumentTemplates.Result(new ResultDocumentData(
            new Issuer([signer.UnitName.ToUpperInvariant()], answers.PlaceOf(application.ProvinceCode)),
            null,
            today,
            Fill(template.Title.Vi, titleValues),
            null,
            application.Code,
            body,
            new Signatory(position.ToUpperInvariant(), signer.FullName),
            [application.ApplicantName, "Lưu: hồ sơ " + application.Code]));

        return await results.IssueAsync(
            new ResultToIssue(application.Code, document, new OfficialDescriptor(signer.Id, signer.FullName, position, signer.UnitName, signer.UnitCode)),
            cancellationToken);
    }

    /// <summary>Replaces every <c>{{key}}</c>; a key without a value (an unanswered optional field) becomes empty.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, match => values.TryGetValue(match.Groups[1].Value, out var value) ? value : "");

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
