using Tagwatch.Core.Boroughs;

namespace Tagwatch.Server.Web.Pages.Crimes;

/// <summary>What the crime pages' filter form shows: the filters, the boroughs to choose from, and the page it reloads.</summary>
public sealed record CrimeFilterView(CrimeFilter Filter, IEnumerable<Borough> Boroughs, string Action);
