using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.AdministrativeUnits.Api;

namespace OneStop.Web.AdministrativeUnits.Pages;

/// <summary>
/// "Chuyển đổi địa chỉ cũ": a citizen writes the address from before 1 July 2025 and learns the
/// new commune and province. A plain GET form, so the answer can be bookmarked and shared; it asks
/// the same <see cref="IAdministrativeUnitDirectory.Convert"/> the API does.
/// </summary>
[AllowAnonymous]
public sealed class ConvertModel(IAdministrativeUnitDirectory directory, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "province")]
    public string? Province { get; set; }

    [BindProperty(SupportsGet = true, Name = "district")]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    public bool Submitted { get; private set; }

    public DateOnly Today { get; private set; }

    public AddressConversion? Result { get; private set; }

    /// <summary>Per field, the Vietnamese message (already localised) and the field's id.</summary>
    public List<FieldError> Errors { get; } = [];

    public void OnGet([FromServices] Microsoft.Extensions.Localization.IStringLocalizer<AdministrativeUnitsText> text)
    {
        Today = AdministrativeUnitEndpoints.Today(time);
        Submitted = Request.Query.ContainsKey("province") || Request.Query.ContainsKey("district") || Request.Query.ContainsKey("commune");
        if (!Submitted)
        {
            return;
        }

        foreach (var (id, value) in new[] { ("province", Province), ("district", District), ("commune", Commune) })
        {
            if (value is { Length: > AdministrativeUnitEndpoints.MaxTextLength })
            {
                Errors.Add(new FieldError(id, text["Tối đa 100 ký tự."]));
            }
        }

        if (Errors.Count > 0)
        {
            return;
        }

        var conversion = directory.Convert(new OldAddress(Province, District, Commune), Today);
        if (conversion.Problem is { } problem)
        {
            Errors.Add(ErrorFor(problem, text));
            return;
        }

        Result = conversion;
    }

    private static FieldError ErrorFor(ConversionProblem problem, Microsoft.Extensions.Localization.IStringLocalizer<AdministrativeUnitsText> text)
    {
        if (problem.Kind == ConversionProblemKind.NothingGiven)
        {
            return new FieldError("commune", text["Nhập ít nhất tên hoặc mã của xã, phường, quận, huyện hoặc tỉnh cũ."]);
        }

        var field = problem.Field switch
        {
            AddressField.Province => "province",
            AddressField.District => "district",
            _ => "commune",
        };
        var level = text[problem.Field switch
        {
            AddressField.Province => "đơn vị cấp tỉnh",
            AddressField.District => "đơn vị cấp huyện",
            _ => "đơn vị cấp xã",
        }];
        var candidates = string.Join("; ", problem.Candidates.Select(c => c.QualifiedName));
        string message = problem.Kind switch
        {
            ConversionProblemKind.NotFound when problem.Candidates.Count > 0 =>
                text["Không có {0} nào tên hoặc mã \"{1}\" trước ngày 01/07/2025. \"{1}\" là tên đơn vị mới từ ngày 01/07/2025 ({2}): địa chỉ này không cần chuyển đổi.", level, problem.Input, candidates],
            ConversionProblemKind.NotFound when problem.Container is not null =>
                text["Không có {0} nào tên hoặc mã \"{1}\" thuộc {2} trước ngày 01/07/2025. Kiểm tra lại chính tả hoặc để trống ô này.", level, problem.Input, problem.Container.QualifiedName],
            ConversionProblemKind.NotFound =>
                text["Không có {0} nào tên hoặc mã \"{1}\" trước ngày 01/07/2025. Kiểm tra lại chính tả.", level, problem.Input],
            ConversionProblemKind.NotInside =>
                text["\"{1}\" không thuộc {2}. Có {0} tên này ở: {3}. Kiểm tra lại ô cấp trên.", level, problem.Input, problem.Container!.QualifiedName, candidates],
            _ when problem.Field == AddressField.Commune =>
                text["Có {0} {1} tên \"{2}\": {3}. Nhập thêm quận, huyện hoặc chọn một đơn vị trong danh sách dưới đây.", problem.Candidates.Count, level, problem.Input, candidates],
            _ =>
                text["Có {0} {1} tên \"{2}\": {3}. Nhập thêm tỉnh, thành phố hoặc chọn một đơn vị trong danh sách dưới đây.", problem.Candidates.Count, level, problem.Input, candidates],
        };
        return new FieldError(field, message, problem.Kind == ConversionProblemKind.Ambiguous ? problem.Candidates : []);
    }

    public FieldError? ErrorOf(string field) => Errors.FirstOrDefault(e => e.Field == field);
}

/// <summary>A message for one field; for an ambiguous name, the units the person can choose from.</summary>
public sealed record FieldError(string Field, string Message, IReadOnlyList<AdministrativeUnit>? Choices = null);
