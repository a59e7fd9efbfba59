using Tagwatch.Core.Identity;

namespace Tagwatch.Core.Tags;

/// <summary>A monitoring device.</summary>
/// <param name="Id">Device identifier (IMEI or vendor ID).</param>
/// <param name="Protocol">Wire protocol it reports over, e.g. <c>gt06</c>, <c>osmand</c>, <c>h02</c>, <c>import</c>.</param>
/// <param name="Model">Device model, when known.</param>
public sealed record Tag(TagId Id, string Protocol, string? Model);
