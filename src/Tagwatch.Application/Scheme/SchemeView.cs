using NodaTime;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Application.Scheme;

/// <summary>The scheme's settings, and the people monitored on <paramref name="Today"/> (UK date) against its capacity.</summary>
public sealed record SchemeView(SchemeSettings Settings, int MonitoredToday, LocalDate Today);
