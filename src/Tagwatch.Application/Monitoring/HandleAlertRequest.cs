namespace Tagwatch.Application.Monitoring;

/// <summary>An operator's step on an alert.</summary>
/// <param name="Id">The alert.</param>
/// <param name="Note">What was done (required to resolve; at most <see cref="Audit.StatedText.MaxReason"/> characters).</param>
/// <param name="By">The operator named on the alert's trail; the acting user when null.</param>
public sealed record HandleAlertRequest(long Id, string? Note, string? By = null);
