using NodaTime;

namespace Tagwatch.Application.Correlation;

/// <summary>The disclosure of an amendment to the police who hold the match: who, when, why, to whom.</summary>
public sealed record SupplementDisclosure(Instant At, string Actor, string ActorRole, string Reason, string DisclosedTo);
