using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

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

    /// <summary>The GOV.UK error message under a field's label: <c>&lt;p id="ID-error"&gt;Error: …&lt;/p&gt;</c>, encoded.</summary>
    public static TagBuilder ErrorMessage(string id, string error)
    {
        var message = new TagBuilder("p");
        message.AddCssClass("govuk-error-message");
        message.Attributes["id"] = id + "-error";
        var prefix = new TagBuilder("span");
        prefix.AddCssClass("govuk-visually-hidden");
        prefix.InnerHtml.Append("Error: ");
        message.InnerHtml.AppendHtml(prefix);
        message.InnerHtml.Append(error);
        return message;
    }
}
