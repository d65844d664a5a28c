using OneStop.Web.Documents;
using OneStop.Web.Signing;

namespace OneStop.Web.Applications.Tracking;

/// <summary>
/// Where an application can be followed: from a printed receipt, the public look-up with its code filled in (the
/// applicant still gives their ID number there, so the address and its QR code carry no personal data); from an
/// e-mail or another page, the applicant's own page of it and its supplement form. The paths are for links
/// between pages, the addresses (with <c>PublicBaseUrl</c>) for paper and e-mail.
/// </summary>
public sealed class TrackingLink(SigningOptions options)
{
    public const string LookupPath = "/applications/lookup";

    /// <summary>The applicant's own page of the application (signing in leads there).</summary>
    public static string OwnPagePath(string applicationCode) => $"/my-applications/{Uri.EscapeDataString(applicationCode)}";

    /// <summary>The applicant's form that answers a request for documents.</summary>
    public static string SupplementPath(string applicationCode) => OwnPagePath(applicationCode) + "/supplement";

    /// <summary>The public look-up with the code filled in; <c>PublicBaseUrl</c> is the address the public reaches OneStop at for years.</summary>
    public string LookupUrl(string applicationCode) => $"{options.PublicBaseUrl}{LookupPath}?code={Uri.EscapeDataString(applicationCode)}";

    public string OwnPageUrl(string applicationCode) => options.PublicBaseUrl + OwnPagePath(applicationCode);

    public string SupplementUrl(string applicationCode) => options.PublicBaseUrl + SupplementPath(applicationCode);

    /// <summary>The QR code of a receipt and the sentence beside it, for a citizen who has the paper and a phone.</summary>
    public VerificationMark Mark(string applicationCode) => new(
        LookupUrl(applicationCode),
        $"Tra cứu tình trạng hồ sơ: quét mã QR, hoặc vào {options.PublicBaseUrl}{LookupPath}, nhập mã hồ sơ {applicationCode} " +
        "và số định danh cá nhân của người nộp.");
}
