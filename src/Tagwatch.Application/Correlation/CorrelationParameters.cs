using Tagwatch.Application.UseCases;
using Tagwatch.Core;

namespace Tagwatch.Application.Correlation;

/// <summary>The engines' parameter checks as use-case failures, naming the parameter as the doors do.</summary>
internal static class CorrelationParameters
{
    /// <summary>Runs <paramref name="validate"/> (an engine's <c>Validate</c>); the failure naming the refused
    /// parameter (snake_case) and its value, or null when the parameters are sound.</summary>
    public static UseCaseFailure? Refusal(Action validate)
    {
        try
        {
            validate();
            return null;
        }
        catch (ArgumentException ex)
        {
            return UseCaseFailure.Invalid(Field(ex.ParamName), UserMessages.Of(ex));
        }
    }

    private static string Field(string? parameter) => parameter switch
    {
        "RadiusMetres" => "radius",
        "BufferMetres" => "buffer_metres",
        "Pad" => "pad",
        "SignificanceThreshold" => "significance_threshold",
        null or "" => "parameters",
        _ => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter),
    };
}
