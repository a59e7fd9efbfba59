using Tagwatch.Core.Offenders;

namespace Tagwatch.Application.Offenders;

/// <summary>A person's pseudonymous record and their lifecycle state today.</summary>
public sealed record OffenderEntry(Offender Offender, OffenderStatus Status);

/// <summary>A person's whole record: the pseudonymous part, the state today, the identifying details (when stored) and the risk-tier history, oldest first.</summary>
public sealed record OffenderRecord(Offender Offender, OffenderStatus Status, PersonalDetails? Person, IReadOnlyList<RiskTierChange> RiskHistory);

/// <summary>A recorded change of <paramref name="Offender"/>'s risk tier.</summary>
public sealed record RiskTierChanged(Offender Offender, RiskTierChange Change);
