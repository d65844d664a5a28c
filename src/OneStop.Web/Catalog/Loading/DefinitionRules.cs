using System.Text.RegularExpressions;
using OneStop.Web.Catalog.Definitions;

namespace OneStop.Web.Catalog.Loading;

/// <summary>
/// What a definition must satisfy beyond its schema: names that refer to each other must exist, the
/// workflow must be able to finish, and the steps must fit in the legal processing time.
/// </summary>
internal static partial class DefinitionRules
{
    public static IReadOnlyList<DefinitionProblem> Check(ProcedureDefinition definition)
    {
        var problems = new List<DefinitionProblem>();
        CheckTime(definition.ProcessingTime, problems);
        Unique(definition.Fees.Select(f => f.Key), "fees", problems);
        CheckFees(definition.Fees, problems);
        Unique(definition.Documents.Select(d => d.Key), "documents", problems);
        var fields = CheckForm(definition.Form, problems);
        CheckWorkflow(definition.Workflow, definition.ProcessingTime, problems);
        CheckTemplate(definition.Result.Template, fields, problems);
        return problems;
    }

    private static void CheckTime(ProcessingTime time, List<DefinitionProblem> problems)
    {
        if (time.Unit == TimeUnit.SameDay && time.Amount is not null)
        {
            problems.Add(new("processingTime.amount", "a same-day time has no amount; remove it or choose another unit.", "thời hạn trong ngày không có số lượng; bỏ mục này hoặc chọn đơn vị khác."));
        }

        if (time.Unit != TimeUnit.SameDay && time.Amount is null)
        {
            problems.Add(new("processingTime.amount", $"is required when the unit is {time.Unit}.", $"là mục bắt buộc khi đơn vị là {time.Unit}."));
        }

        if (time.Unit != TimeUnit.SameDay && time.Cutoff is not null)
        {
            problems.Add(new("processingTime.cutoff", "only a same-day time has a cut-off hour.", "chỉ thời hạn trong ngày mới có giờ tiếp nhận cuối (cutoff)."));
        }
    }

    private static void CheckFees(IReadOnlyList<FeeDefinition> fees, List<DefinitionProblem> problems)
    {
        for (var i = 0; i < fees.Count; i++)
        {
            if (fees[i].Amounts.Count == 0 && !fees[i].SetByProvince)
            {
                problems.Add(new($"fees[{i}].amounts", "needs at least one amount, unless setByProvince is true and the province has yet to set it.", "cần ít nhất một mức thu, trừ khi setByProvince là true và tỉnh chưa quy định mức thu."));
            }

            if (fees[i].Maximum is { } maximum && fees[i].Amounts.Any(a => a.Amount > maximum))
            {
                problems.Add(new($"fees[{i}].maximum", "is lower than one of the fee's amounts.", "thấp hơn một trong các mức thu của khoản phí này."));
            }
        }
    }

    private static Dictionary<string, FieldDefinition> CheckForm(FormDefinition form, List<DefinitionProblem> problems)
    {
        Unique(form.Pages.Select(p => p.Key), "form.pages", problems);
        var seen = new Dictionary<string, FieldDefinition>(StringComparer.Ordinal);
        for (var p = 0; p < form.Pages.Count; p++)
        {
            var page = form.Pages[p];
            if (page.ShowWhen is { } pageCondition)
            {
                CheckCondition(pageCondition, $"form.pages[{p}].showWhen", seen, problems);
            }

            for (var f = 0; f < page.Fields.Count; f++)
            {
                var field = page.Fields[f];
                var path = $"form.pages[{p}].fields[{f}]";
                if (field.ShowWhen is { } condition)
                {
                    CheckCondition(condition, path + ".showWhen", seen, problems);
                }

                CheckField(field, path, seen, problems);
                if (!seen.TryAdd(field.Key, field))
                {
                    problems.Add(new(path + ".key", $"'{field.Key}' is already the key of another field; keys are unique in the form.", $"'{field.Key}' đã là mã của một trường khác; mã trường trong biểu mẫu không được trùng."));
                }
            }
        }

        return seen;
    }

    private static void CheckField(FieldDefinition field, string path, Dictionary<string, FieldDefinition> earlier, List<DefinitionProblem> problems)
    {
        if (field.Type == FieldType.Select && field.Options.Count == 0)
        {
            problems.Add(new(path + ".options", "a select field needs at least one option.", "trường chọn (select) cần ít nhất một lựa chọn."));
        }

        if (field.Type != FieldType.Select && field.Options.Count > 0)
        {
            problems.Add(new(path + ".options", $"only a select field has options, and this one is {field.Type}.", $"chỉ trường chọn (select) mới có lựa chọn, còn trường này có kiểu {field.Type}."));
        }

        Unique(field.Options.Select(o => o.Value), path + ".options", problems);

        var rules = field.Validation;
        if (rules.Pattern is { } pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                problems.Add(new(path + ".validation.pattern", "is not a valid regular expression: " + e.Message, "không phải biểu thức chính quy hợp lệ."));
            }
        }

        if (rules.MinLength > rules.MaxLength)
        {
            problems.Add(new(path + ".validation.minLength", "is greater than maxLength.", "lớn hơn maxLength."));
        }

        if (rules.Min > rules.Max)
        {
            problems.Add(new(path + ".validation.min", "is greater than max.", "lớn hơn max."));
        }

        if ((rules.Min is not null || rules.Max is not null) && field.Type != FieldType.Number)
        {
            problems.Add(new(path + ".validation", "min and max apply to number fields; use minDate and maxDate for dates.", "min và max chỉ dùng cho trường số; với ngày tháng hãy dùng minDate và maxDate."));
        }

        foreach (var (bound, name) in new[] { (rules.MinDate, "minDate"), (rules.MaxDate, "maxDate") })
        {
            if (bound is not null and not "today" && !DateOnly.TryParseExact(bound, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            {
                problems.Add(new($"{path}.validation.{name}", $"'{bound}' is not a real date; write today or yyyy-MM-dd.", $"'{bound}' không phải ngày có thật; ghi today hoặc theo dạng yyyy-MM-dd."));
            }
        }

        if ((rules.MinDate is not null || rules.MaxDate is not null) && field.Type != FieldType.Date)
        {
            problems.Add(new(path + ".validation", "minDate and maxDate apply to date fields only.", "minDate và maxDate chỉ dùng cho trường ngày."));
        }

        if (field.SourceKey is { } sourceKey)
        {
            if (field.Source is null)
            {
                problems.Add(new(path + ".sourceKey", "has no meaning without a source.", "không có ý nghĩa khi không có source (nguồn dữ liệu)."));
            }

            if (!earlier.ContainsKey(sourceKey))
            {
                problems.Add(new(path + ".sourceKey", $"'{sourceKey}' is not a field asked before this one.", $"'{sourceKey}' không phải trường được hỏi trước trường này."));
            }
        }
    }

    private static void CheckCondition(FieldCondition condition, string path, Dictionary<string, FieldDefinition> earlier, List<DefinitionProblem> problems)
    {
        if ((condition.EqualTo is null) == (condition.In is null))
        {
            problems.Add(new(path, "give either equalTo or in, not both and not neither.", "ghi một trong hai: equalTo hoặc in, không ghi cả hai và không bỏ cả hai."));
        }

        if (!earlier.TryGetValue(condition.Field, out var target))
        {
            problems.Add(new(path + ".field", $"'{condition.Field}' is not a field asked before this one.", $"'{condition.Field}' không phải trường được hỏi trước điều kiện này."));
            return;
        }

        var allowed = target.Type switch
        {
            FieldType.Select => target.Options.Select(o => o.Value).ToHashSet(),
            FieldType.YesNo => ["yes", "no"],
            _ => null,
        };
        if (allowed is null)
        {
            return;
        }

        foreach (var value in condition.EqualTo is null ? condition.In ?? [] : [condition.EqualTo])
        {
            if (!allowed.Contains(value))
            {
                problems.Add(new(path, $"'{value}' is not a value field '{condition.Field}' can take ({string.Join(", ", allowed)}).", $"'{value}' không phải giá trị mà trường '{condition.Field}' có thể nhận ({string.Join(", ", allowed)})."));
            }
        }
    }

    private static void CheckWorkflow(WorkflowDefinition workflow, ProcessingTime time, List<DefinitionProblem> problems)
    {
        Unique(workflow.States.Select(s => s.Key), "workflow.states", problems);
        Unique(workflow.Actions.Select(a => a.Key), "workflow.actions", problems);
        var states = workflow.States.Select(s => s.Key).ToHashSet();
        var finals = workflow.States.Where(s => s.Final).Select(s => s.Key).ToHashSet();

        if (!states.Contains(workflow.InitialState))
        {
            problems.Add(new("workflow.initialState", $"'{workflow.InitialState}' is not one of the states.", $"'{workflow.InitialState}' không phải một trong các trạng thái."));
            return;
        }

        if (finals.Contains(workflow.InitialState))
        {
            problems.Add(new("workflow.initialState", "cannot be a final state.", "không được là trạng thái kết thúc."));
        }

        if (finals.Count == 0)
        {
            problems.Add(new("workflow.states", "at least one state must be final (e.g. result returned).", "cần ít nhất một trạng thái kết thúc (ví dụ: đã trả kết quả)."));
        }

        for (var i = 0; i < workflow.Actions.Count; i++)
        {
            var action = workflow.Actions[i];
            foreach (var from in action.From.Where(f => !states.Contains(f)))
            {
                problems.Add(new($"workflow.actions[{i}].from", $"'{from}' is not one of the states.", $"'{from}' không phải một trong các trạng thái."));
            }

            foreach (var from in action.From.Where(finals.Contains))
            {
                problems.Add(new($"workflow.actions[{i}].from", $"'{from}' is final; no action leaves a final state.", $"'{from}' là trạng thái kết thúc; không thao tác nào rời khỏi trạng thái kết thúc."));
            }

            if (!states.Contains(action.To))
            {
                problems.Add(new($"workflow.actions[{i}].to", $"'{action.To}' is not one of the states.", $"'{action.To}' không phải một trong các trạng thái."));
            }
        }

        if (problems.Any(p => p.Path.StartsWith("workflow", StringComparison.Ordinal)))
        {
            return;
        }

        for (var i = 0; i < workflow.States.Count; i++)
        {
            var state = workflow.States[i];
            if (!state.Final && !workflow.ActionsFrom(state.Key).Any())
            {
                problems.Add(new($"workflow.states[{i}]", $"'{state.Key}' is not final but no action leaves it.", $"'{state.Key}' không phải trạng thái kết thúc nhưng không có thao tác nào rời khỏi nó."));
            }
        }

        var reachable = new HashSet<string> { workflow.InitialState };
        var queue = new Queue<string>(reachable);
        while (queue.TryDequeue(out var state))
        {
            foreach (var action in workflow.ActionsFrom(state).Where(a => reachable.Add(a.To)))
            {
                queue.Enqueue(action.To);
            }
        }

        for (var i = 0; i < workflow.States.Count; i++)
        {
            if (!reachable.Contains(workflow.States[i].Key))
            {
                problems.Add(new($"workflow.states[{i}]", $"'{workflow.States[i].Key}' cannot be reached from '{workflow.InitialState}'.", $"không thể đi từ '{workflow.InitialState}' đến '{workflow.States[i].Key}'."));
            }
        }

        var budget = time.BudgetInWorkingHours;
        var planned = workflow.LongestBudgetedPathHours();
        if (budget > 0 && planned > budget)
        {
            problems.Add(new("workflow.actions",
                $"the steps budget {planned} working hours on their longest path, more than the legal processing time allows ({budget}).",
                $"các bước trên đường dài nhất cần {planned} giờ làm việc, nhiều hơn thời hạn giải quyết theo quy định ({budget} giờ)."));
        }
    }

    private static void CheckTemplate(ResultTemplate template, Dictionary<string, FieldDefinition> fields, List<DefinitionProblem> problems)
    {
        foreach (var (text, language) in new[] { (template.Body.Vi, "vi"), (template.Body.En, "en"), (template.Title.Vi, "vi"), (template.Title.En, "en") })
        {
            foreach (Match match in Placeholder().Matches(text))
            {
                var key = match.Groups[1].Value;
                if (!fields.ContainsKey(key) && !ResultTemplate.SystemPlaceholders.Contains(key))
                {
                    problems.Add(new($"result.template.body.{language}",
                        $"{{{{{key}}}}} is neither a form field nor one of {string.Join(", ", ResultTemplate.SystemPlaceholders)}.",
                        $"{{{{{key}}}}} không phải trường của biểu mẫu, cũng không phải một trong {string.Join(", ", ResultTemplate.SystemPlaceholders)}."));
                }
            }
        }
    }

    private static void Unique(IEnumerable<string> keys, string path, List<DefinitionProblem> problems)
    {
        foreach (var duplicate in keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new(path, $"'{duplicate.Key}' appears {duplicate.Count()} times; keys must be unique.", $"'{duplicate.Key}' xuất hiện {duplicate.Count()} lần; mã không được trùng."));
        }
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9-]*)\s*\}\}")]
    public static partial Regex Placeholder();
}
