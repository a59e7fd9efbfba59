namespace Tagwatch.Core.Tags;

/// <summary>What fitting a tag does to the wearing periods on record: refused (and why), or the open periods it ends at
/// the fitting's instant — the tag's previous wearer's (the tag is handed back) and the person's other tag (a swap).</summary>
public sealed record FittingPlan(string? Refusal, IReadOnlyList<TagAssignment> Ended);
