using NodaTime;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Tags;

/// <summary>A fitting recorded: <paramref name="Offender"/> wears <paramref name="Tag"/> from <paramref name="From"/>.</summary>
/// <param name="Corrected">True when it was recorded as a correction over stored fixes (their crimes are checked again).</param>
public sealed record TagFitted(TagId Tag, OffenderReference Offender, Instant From, bool Corrected);
