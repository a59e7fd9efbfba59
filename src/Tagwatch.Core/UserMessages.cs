using System.Globalization;

namespace Tagwatch.Core;

/// <summary>Exception messages as the people using the command line and the API read them.</summary>
public static class UserMessages
{
    /// <summary>The message of <paramref name="exception"/>; for an argument error, without .NET's "(Parameter 'x')"
    /// and "Actual value was" lines, naming the argument (and the refused value) once at the end instead.</summary>
    public static string Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is not ArgumentException { ParamName: { Length: > 0 } name } argument)
        {
            return exception.Message;
        }

        string text = argument.Message;
        if (argument is ArgumentOutOfRangeException)
        {
            int lineBreak = text.LastIndexOf('\n');
            text = lineBreak >= 0 ? text[..lineBreak].TrimEnd('\r') : text;
        }

        text = text.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal).TrimEnd();
        return argument is ArgumentOutOfRangeException { ActualValue: { } value }
            ? string.Create(CultureInfo.InvariantCulture, $"{text} ({name}: {value})")
            : $"{text} ({name})";
    }
}
