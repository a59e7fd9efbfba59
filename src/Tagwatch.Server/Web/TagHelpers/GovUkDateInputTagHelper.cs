using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Tagwatch.Server.Web.TagHelpers;

/// <summary>
/// A GOV.UK date input (day, month, year) for a <see cref="DateField"/>: <c>&lt;govuk-date-input for="Input.Born" legend="Date of birth" /&gt;</c>.
/// The error is the model state's under the field's own name; the day box carries the field's id so the error summary
/// links to it. All text is encoded.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkDateInputTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Legend { get; set; } = "";

    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string name = For.Name;
        string id = WebForms.FieldId(name);
        string? error = WebForms.ErrorOf(ViewContext.ModelState, name);
        var typed = For.Model as DateField;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");

        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("govuk-fieldset");
        fieldset.Attributes["role"] = "group";
        var legend = new TagBuilder("legend");
        legend.AddCssClass("govuk-fieldset__legend govuk-fieldset__legend--s");
        legend.InnerHtml.Append(Legend);
        fieldset.InnerHtml.AppendHtml(legend);

        var describedBy = new List<string>();
        var hint = new TagBuilder("div");
        hint.AddCssClass("govuk-hint");
        hint.Attributes["id"] = id + "-hint";
        hint.InnerHtml.Append(Hint ?? "For example, 27 3 1990");
        fieldset.InnerHtml.AppendHtml(hint);
        describedBy.Add(id + "-hint");

        if (error is not null)
        {
            fieldset.InnerHtml.AppendHtml(WebForms.ErrorMessage(id, error));
            describedBy.Add(id + "-error");
        }

        fieldset.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        var parts = new TagBuilder("div");
        parts.AddCssClass("govuk-date-input");
        parts.Attributes["id"] = id + "-parts";
        parts.InnerHtml.AppendHtml(Part(name, id, "Day", "Day", typed?.Day, "2", error is not null, first: true));
        parts.InnerHtml.AppendHtml(Part(name, id, "Month", "Month", typed?.Month, "2", error is not null, first: false));
        parts.InnerHtml.AppendHtml(Part(name, id, "Year", "Year", typed?.Year, "4", error is not null, first: false));
        fieldset.InnerHtml.AppendHtml(parts);
        output.Content.AppendHtml(fieldset);
    }

    private TagBuilder Part(string name, string id, string part, string label, string? model, string width, bool failed, bool first)
    {
        string partName = $"{name}.{part}";
        string partId = first ? id : $"{id}-{part.ToLowerInvariant()}";
        string? value = ViewContext.ModelState.TryGetValue(partName, out var entry) && entry.AttemptedValue is { } attempted ? attempted : model;

        var item = new TagBuilder("div");
        item.AddCssClass("govuk-date-input__item");
        var group = new TagBuilder("div");
        group.AddCssClass("govuk-form-group");
        var labelTag = new TagBuilder("label");
        labelTag.AddCssClass("govuk-label govuk-date-input__label");
        labelTag.Attributes["for"] = partId;
        labelTag.InnerHtml.Append(label);
        group.InnerHtml.AppendHtml(labelTag);

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass($"govuk-input govuk-date-input__input govuk-input--width-{width}");
        if (failed)
        {
            input.AddCssClass("govuk-input--error");
        }

        input.Attributes["id"] = partId;
        input.Attributes["name"] = partName;
        input.Attributes["type"] = "text";
        input.Attributes["inputmode"] = "numeric";
        if (value is not null)
        {
            input.Attributes["value"] = value;
        }

        group.InnerHtml.AppendHtml(input);
        item.InnerHtml.AppendHtml(group);
        return item;
    }
}
