using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OneStop.Web.Shared.Pages;

/// <summary>
/// One line of the error summary at the top of a form (<c>/Shared/Pages/_ErrorSummary.cshtml</c>): the message,
/// and where its link takes the person, usually the field to correct; without a link the message stands alone.
/// </summary>
public sealed record ShownError(string? Link, string Message)
{
    /// <summary>Errors of fields on the same page, each linking to its field's id.</summary>
    public static IReadOnlyList<ShownError> ForFields(IEnumerable<(string FieldId, string Message)> errors) =>
        [.. errors.Select(e => new ShownError("#" + e.FieldId, e.Message))];

    /// <summary>
    /// The model state's errors in order; <paramref name="fieldIdOf"/> gives the field id of a model-state key, or
    /// null for an error that belongs to no field (by default the key is the id).
    /// </summary>
    public static IReadOnlyList<ShownError> ForModelState(ModelStateDictionary state, Func<string, string?>? fieldIdOf = null)
    {
        var idOf = fieldIdOf ?? (key => key);
        return [.. state.SelectMany(entry =>
            (entry.Value?.Errors ?? []).Select(error => new ShownError(idOf(entry.Key) is { } id ? "#" + id : null, error.ErrorMessage)))];
    }
}
