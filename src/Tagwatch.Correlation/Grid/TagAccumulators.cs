using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Grid;

/// <summary>Per-question scratch: one <see cref="ProximityAccumulator"/> per tag that had a fix within the radius,
/// found in constant time, cleared in time proportional to the tags touched.</summary>
internal sealed class TagAccumulators(int tagCount)
{
    private readonly int[] _slotOfTag = CreateSlots(tagCount);
    private readonly List<int> _touched = [];
    private ProximityAccumulator[] _slots = new ProximityAccumulator[16];

    public int TagCount => _slotOfTag.Length;

    /// <summary>The accumulator of tag <paramref name="tag"/>, created empty on first use.</summary>
    public ref ProximityAccumulator For(int tag)
    {
        int slot = _slotOfTag[tag];
        if (slot < 0)
        {
            slot = _touched.Count;
            _slotOfTag[tag] = slot;
            _touched.Add(tag);
            if (slot == _slots.Length)
            {
                Array.Resize(ref _slots, slot * 2);
            }

            _slots[slot] = ProximityAccumulator.Empty;
        }

        return ref _slots[slot];
    }

    /// <summary>Moves the tags with at least one fix found into <paramref name="results"/>, in tag order, and clears.</summary>
    public void Drain(List<(int Tag, Proximity Proximity)> results)
    {
        int first = results.Count;
        foreach (int tag in _touched)
        {
            var found = _slots[_slotOfTag[tag]];
            if (found.Count > 0)
            {
                results.Add((tag, found.ToProximity()));
            }

            _slotOfTag[tag] = -1;
        }

        _touched.Clear();
        if (results.Count - first > 1)
        {
            results.Sort(first, results.Count - first, ByTag);
        }
    }

    private static readonly Comparer<(int Tag, Proximity Proximity)> ByTag = Comparer<(int Tag, Proximity Proximity)>.Create((a, b) => a.Tag.CompareTo(b.Tag));

    private static int[] CreateSlots(int count)
    {
        var slots = new int[count];
        Array.Fill(slots, -1);
        return slots;
    }
}
