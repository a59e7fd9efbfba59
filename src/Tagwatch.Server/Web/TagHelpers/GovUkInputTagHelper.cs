using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Tagwatch.Server.Web.TagHelpers;

/// <summary>
/// A GOV.UK text input with its label, hint and error: <c>&lt;govuk-input for="Input.Username" label="User name" /&gt;</c>.
/// The error comes from the model state under the field's name (where a use case's failure puts it), so every refusal
/// shows against its field, and the field keeps what was typed. All text is encoded.
/// </summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkInputTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = "";

    public string? Hint { get; set; }

    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    /// <summary>A GOV.UK width class suffix: "10", "20", "one-half"…</summary>
    public string? Width { get; set; }

    /// <summary>Shows the label as the page's heading (a one-question page).</summary>
    public bool LabelIsHeading { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string name = For.Name;
        string id = WebForms.FieldId(name);
        string? error = WebForms.ErrorOf(ViewContext.ModelState, name);
        string? value = ViewContext.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is { } attempted
            ? attempted
            : For.Model?.ToString();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");

        var label = new TagBuilder("label");
        label.AddCssClass(LabelIsHeading ? "govuk-label govuk-label--l" : "govuk-label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Label);
        if (LabelIsHeading)
        {
            var heading = new TagBuilder("h1");
            heading.AddCssClass("govuk-label-wrapper");
            heading.InnerHtml.AppendHtml(label);
            output.Content.AppendHtml(heading);
        }
        else
        {
            output.Content.AppendHtml(label);
        }

        var describedBy = new List<string>();
        if (Hint is not null)
        {
            var hint = new TagBuilder("div");
            hint.AddCssClass("govuk-hint");
            hint.Attributes["id"] = id + "-hint";
            hint.InnerHtml.Append(Hint);
            output.Content.AppendHtml(hint);
            describedBy.Add(id + "-hint");
        }

        if (error is not null)
        {
            var message = new TagBuilder("p");
            message.AddCssClass("govuk-error-message");
            message.Attributes["id"] = id + "-error";
            var prefix = new TagBuilder("span");
            prefix.AddCssClass("govuk-visually-hidden");
            prefix.InnerHtml.Append("Error: ");
            message.InnerHtml.AppendHtml(prefix);
            message.InnerHtml.Append(error);
            output.Content.AppendHtml(message);
            describedBy.Add(id + "-error");
        }

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("govuk-input");
        if (Width is not null)
        {
            input.AddCssClass(Width.Contains('-', StringComparison.Ordinal) ? $"govuk-!-width-{Width}" : $"govuk-input--width-{Width}");
        }

        if (error is not null)
        {
            input.AddCssClass("govuk-input--error");
        }

        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.Attributes["type"] = Type;
        if (Type != "password" && value is not null)
        {
            input.Attributes["value"] = value;
        }

        if (Autocomplete is not null)
        {
            input.Attributes["autocomplete"] = Autocomplete;
        }

        if (describedBy.Count > 0)
        {
            input.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        output.Content.AppendHtml(input);
    }
}
