namespace Tagwatch.Core.Identity;

/// <summary>Internal identity of an enrolled person.</summary>
public readonly record struct OffenderId(Guid Value)
{
    /// <summary>A new random identity.</summary>
    public static OffenderId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}
