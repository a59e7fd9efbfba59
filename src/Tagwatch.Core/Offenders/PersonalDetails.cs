using NodaTime;

namespace Tagwatch.Core.Offenders;

/// <summary>Identifying details of an enrolled person, kept apart from the pseudonymous record.</summary>
public sealed record PersonalDetails(string GivenName, string FamilyName, LocalDate DateOfBirth);
