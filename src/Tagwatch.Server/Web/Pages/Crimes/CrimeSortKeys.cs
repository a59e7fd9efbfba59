using Tagwatch.Application.Crimes;

namespace Tagwatch.Server.Web.Pages.Crimes;

/// <summary>The crime table's sortable columns as the query string names them (<c>?sort=committed-from&amp;dir=desc</c>).</summary>
public static class CrimeSortKeys
{
    public static readonly IReadOnlyList<(string Key, CrimeSort Sort)> All =
    [
        ("committed-from", CrimeSort.CommittedFrom),
        ("borough", CrimeSort.Borough),
        ("category", CrimeSort.Category),
        ("reference", CrimeSort.Reference),
    ];

    /// <summary>The column a key names; false for anything else.</summary>
    public static bool TryParse(string? key, out CrimeSort sort)
    {
        foreach (var (k, s) in All)
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                sort = s;
                return true;
            }
        }

        sort = default;
        return false;
    }

    public static string Key(CrimeSort sort) => All.First(a => a.Sort == sort).Key;
}
