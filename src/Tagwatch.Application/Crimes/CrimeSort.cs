namespace Tagwatch.Application.Crimes;

/// <summary>What a crime listing is ordered by (then by reference, so a page never reshuffles).</summary>
public enum CrimeSort
{
    /// <summary>When the committed window starts.</summary>
    CommittedFrom,

    /// <summary>The borough's ONS code (crimes outside London last).</summary>
    Borough,

    /// <summary>The crime category.</summary>
    Category,

    /// <summary>The force's crime reference.</summary>
    Reference,
}
