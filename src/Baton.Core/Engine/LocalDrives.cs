using System.Collections.Concurrent;

namespace Baton.Engine;

/// <summary>The runs this engine is driving right now, one slot per run.</summary>
internal sealed class LocalDrives
{
    private readonly ConcurrentDictionary<RunId, DriveSlot> _slots = new();

    /// <summary>Reserves the run for a drive here; null when another drive in this engine holds it.</summary>
    public DriveSlot? TryReserve(RunId runId)
    {
        var slot = new DriveSlot();
        return _slots.TryAdd(runId, slot) ? slot : null;
    }

    public bool TryGet(RunId runId, out DriveSlot slot) => _slots.TryGetValue(runId, out slot!);

    /// <summary>Frees the slot, then wakes whoever poked it, so that they find the run free.</summary>
    public void Release(RunId runId, DriveSlot slot)
    {
        _slots.TryRemove(KeyValuePair.Create(runId, slot));
        slot.Finish();
    }
}
