using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OneStop.Web.Catalog.Api;
using OneStop.Web.Catalog.Loading;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Catalog.Pages;

/// <summary>
/// Where a province administrator publishes a procedure file (YAML or JSON) as the procedure's next version,
/// the page counterpart of <c>POST /api/procedures/import</c>: the same checks, the same versioning, nothing
/// written when the file has a problem. Works without JavaScript.
/// </summary>
[Authorize(Policy = Policies.ProvinceAdministrator)]
[OfficerAccess(Roles.ProvinceAdministrator)]
[RequestSizeLimit(LargestRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = LargestRequestBytes)]
internal sealed class ImportModel(IProcedureImporter importer, IStringLocalizer<CatalogText> text) : PageModel
{
    public const string FileField = "definition";

    /// <summary>
    /// Well above the largest file imported, so that a file somewhat too large still reaches the page and gets its
    /// own message instead of the server's bare refusal; only a province administrator gets this far.
    /// </summary>
    private const int LargestRequestBytes = 4 * CatalogApi.MaxImportBytes;

    [BindProperty(Name = FileField)]
    public IFormFile? Definition { get; set; }

    /// <summary>What the import did, when it did something.</summary>
    public ProcedureImportResult? Imported { get; private set; }

    /// <summary>The problems of a file that did not pass its checks, as the checks word them.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Definition is null || Definition.Length == 0)
        {
            return Refused(text["Hãy chọn tệp định nghĩa thủ tục (YAML hoặc JSON)."]);
        }

        if (Definition.Length > CatalogApi.MaxImportBytes)
        {
            return Refused(text["Tệp lớn hơn {0} KB: không thể nhập.", CatalogApi.MaxImportBytes / 1024]);
        }

        if (FormatOf(Definition.FileName) is not { } format)
        {
            return Refused(text["Chỉ nhận tệp .yaml, .yml hoặc .json."]);
        }

        string content;
        try
        {
            using var buffer = new MemoryStream();
            await Definition.CopyToAsync(buffer, cancellationToken);
            content = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer.ToArray());

            // Editors on Windows often save UTF-8 with a byte-order mark; the API's reader drops it, so the page does too.
            content = content.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Refused(text["Tệp này không phải văn bản UTF-8: hãy lưu lại tệp với bảng mã UTF-8."]);
        }

        try
        {
            Imported = await importer.ImportAsync(content, format, ProcedureImporter.ImporterName(User), cancellationToken);
        }
        catch (InvalidProcedureDefinitionException invalid)
        {
            Problems = invalid.Problems;
            return Refused(text["Tệp có {0} lỗi nên chưa được nhập; không có gì thay đổi. Sửa các lỗi liệt kê bên dưới rồi gửi lại.", invalid.Problems.Count]);
        }

        return Page();
    }

    private static ProcedureFileFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => ProcedureFileFormat.Yaml,
        ".json" => ProcedureFileFormat.Json,
        _ => null,
    };

    private PageResult Refused(string message)
    {
        ModelState.AddModelError(FileField, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
