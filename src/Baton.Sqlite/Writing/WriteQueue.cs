using System.Collections.Concurrent;
using System.Diagnostics;

namespace Baton.Sqlite.Writing;

/// <summary>The queue between the store's callers and its one writer thread.</summary>
/// <remarks>
/// Lock-free on the callers' side: many drivers add at once, and a lock here was a measurable share of a transition.
/// The writer sleeps on an event only after spinning briefly, and the "sleeping" flag is set and checked with full
/// fences on both sides, so an operation added as the writer goes to sleep always wakes it.
/// </remarks>
internal sealed class WriteQueue
{
    // A sequential run sends its next commit a few tens of microseconds after the last one returned: spinning that
    // long saves the writer a kernel wake-up per transition, which is a large share of a commit that fits in 0.5 ms.
    private static readonly long SpinTicks = Stopwatch.Frequency / 10_000;

    private readonly ConcurrentQueue<WriteOperation> _items = new();
    // Never disposed: a caller racing shutdown may still set it, and it holds no kernel handle until one waits.
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 0);
    private int _sleeping;
    private int _drained;
    private volatile bool _completed;

    /// <exception cref="ObjectDisposedException">The store is being disposed.</exception>
    public void Add(WriteOperation operation)
    {
        ObjectDisposedException.ThrowIf(_completed, typeof(SqliteWorkflowStore));
        _items.Enqueue(operation);
        if (Volatile.Read(ref _sleeping) == 1)
        {
            _wake.Set();
        }

        if (Volatile.Read(ref _drained) == 1)
        {
            // Added as the writer shut down, after its last look at the queue: nobody else will complete it.
            FailLeftovers();
        }
    }

    /// <summary>Called by the writer once it has stopped taking operations: fails any that slipped in since.</summary>
    public void MarkDrained()
    {
        Interlocked.Exchange(ref _drained, 1);
        FailLeftovers();
    }

    /// <summary>Refuses new operations; those already queued are still taken.</summary>
    public void Complete()
    {
        _completed = true;
        _wake.Set();
    }

    /// <summary>Waits for operations and moves up to <paramref name="max"/> of them into <paramref name="batch"/>. False once completed and empty.</summary>
    public bool TakeBatch(List<WriteOperation> batch, int max)
    {
        while (true)
        {
            while (batch.Count < max && _items.TryDequeue(out var operation))
            {
                batch.Add(operation);
            }

            if (batch.Count > 0)
            {
                return true;
            }

            if (_completed)
            {
                return false;
            }

            if (SpinWhileEmpty())
            {
                continue;
            }

            _wake.Reset();
            Interlocked.Exchange(ref _sleeping, 1);
            if (_items.IsEmpty && !_completed)
            {
                _wake.Wait();
            }

            Interlocked.Exchange(ref _sleeping, 0);
        }
    }

    private void FailLeftovers()
    {
        while (_items.TryDequeue(out var operation))
        {
            operation.Fail(new ObjectDisposedException(nameof(SqliteWorkflowStore)));
        }
    }

    /// <summary>Spins briefly; true when an operation arrived meanwhile.</summary>
    private bool SpinWhileEmpty()
    {
        var spinner = default(SpinWait);
        var deadline = Stopwatch.GetTimestamp() + SpinTicks;
        while (_items.IsEmpty && !_completed)
        {
            if (Stopwatch.GetTimestamp() >= deadline)
            {
                return false;
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return true;
    }
}
