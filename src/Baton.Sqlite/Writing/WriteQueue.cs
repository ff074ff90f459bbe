namespace Baton.Sqlite.Writing;

/// <summary>The queue between the store's callers and its one writer thread.</summary>
internal sealed class WriteQueue
{
    private readonly object _gate = new();
    private readonly Queue<WriteOperation> _items = new();
    private bool _completed;

    /// <exception cref="ObjectDisposedException">The store is being disposed.</exception>
    public void Add(WriteOperation operation)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_completed, typeof(SqliteWorkflowStore));
            _items.Enqueue(operation);
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Refuses new operations; those already queued are still taken.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits for operations and moves up to <paramref name="max"/> of them into <paramref name="batch"/>. False once completed and empty.</summary>
    public bool TakeBatch(List<WriteOperation> batch, int max)
    {
        lock (_gate)
        {
            while (_items.Count == 0)
            {
                if (_completed)
                {
                    return false;
                }

                Monitor.Wait(_gate);
            }

            while (batch.Count < max && _items.TryDequeue(out var operation))
            {
                batch.Add(operation);
            }

            return true;
        }
    }
}
