using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Tagwatch.Server.Web;

/// <summary>GOV.UK form conventions: a field's id from its name (so the error summary links to it), and its error text.</summary>
internal static class WebForms
{
    /// <summary>"Input.Reference" → "Input_Reference" (the id tag helpers give the field).</summary>
    public static string FieldId(string name) => name.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    /// <summary>The first error recorded against a field, or null.</summary>
    public static string? ErrorOf(ModelStateDictionary state, string name)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
    }
}
