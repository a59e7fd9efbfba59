using System.Runtime.InteropServices;

namespace Tagwatch.Storage.Fixes;

internal static class CollectionsMarshalHelper
{
    /// <summary>Extends a list by <paramref name="count"/> default items without per-item adds.</summary>
    public static void Grow<T>(List<T> list, int count)
    {
        list.EnsureCapacity(list.Count + count);
        CollectionsMarshal.SetCount(list, list.Count + count);
    }
}
