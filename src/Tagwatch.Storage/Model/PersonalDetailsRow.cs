namespace Tagwatch.Storage.Model;

/// <summary>Identifying details, in their own table so that pseudonymous queries never touch them.</summary>
public sealed class PersonalDetailsRow
{
    public Guid OffenderId { get; set; }

    public required string GivenName { get; set; }

    public required string FamilyName { get; set; }

    public required string DateOfBirth { get; set; }
}
