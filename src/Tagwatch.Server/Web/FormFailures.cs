using Tagwatch.Application.UseCases;

namespace Tagwatch.Server.Web;

/// <summary>
/// A use case names an invalid field as its API does ("reason"); a form binds it as a property ("Reason"), whose id the
/// error summary links to. This renames the field and starts the message with a capital, as GOV.UK error messages do.
/// </summary>
internal static class FormFailures
{
    public static UseCaseFailure ForForm(this UseCaseFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure with { Field = Capitalised(failure.Field), Message = Capitalised(failure.Message) ?? "" };
    }

    private static string? Capitalised(string? text) =>
        string.IsNullOrEmpty(text) ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
