namespace Tagwatch.Core.Conditions;

/// <summary>Why a licence condition cannot be set: the field at fault (snake_case, as requests name it) and what is wrong.</summary>
/// <param name="Field">The field: <c>schedule</c>, <c>grace_minutes</c>, <c>label</c>, <c>rules</c>, <c>buffer_metres</c> or <c>from</c>.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record ConditionProblem(string Field, string Message);
