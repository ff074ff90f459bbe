using System.Collections.Concurrent;
using System.Threading.Channels;
using Baton.Steps;

namespace Baton.Engine;

/// <summary>An attempt's side of the journal: what earlier attempts recorded, and the way to record more.</summary>
/// <remarks>
/// A deferred entry is safe to leave uncommitted because the channel is first in, first out: the driver takes the entry
/// into a transition before it sees the attempt's outcome, so the outcome is never durable without it. Later journaled
/// work waits for every deferred commit first, so no effect can be recorded ahead of the work that led to it.
/// </remarks>
internal sealed class JournalChannel(long seq, int attempt, Dictionary<string, JournalEntry> recorded, ChannelWriter<RunDriver.AttemptResult> writer)
{
    private readonly ConcurrentDictionary<string, JournalEntry> _recorded = new(recorded, StringComparer.Ordinal);
    private readonly List<Task> _deferred = [];

    public async Task<JournalEntry> RunOnceAsync(
        string name, string kind, Func<CancellationToken, Task<JournalEntry>> work, JournalCommit commit, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(work);
        if (_recorded.TryGetValue(name, out var replayed))
        {
            return replayed with { Output = replayed.Output?.DeepClone() };
        }

        await AwaitDeferredAsync(cancellationToken).ConfigureAwait(false);
        var started = time.GetUtcNow();
        var entry = await work(cancellationToken).ConfigureAwait(false);
        var ack = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var write = new JournalWrite(seq, attempt, name, kind, entry with { Output = entry.Output?.DeepClone() }, started, time.GetUtcNow(), ack);
        if (!writer.TryWrite(new RunDriver.AttemptResult(seq, attempt, StepOutcome.Completed(null), Journal: write)))
        {
            throw new OperationCanceledException("The step's driver has stopped.");
        }

        if (commit == JournalCommit.Deferred)
        {
            // A failed commit fails the whole drive; observing the fault here keeps it from surfacing as unobserved.
            _ = ack.Task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            lock (_deferred)
            {
                _deferred.Add(ack.Task);
            }
        }
        else
        {
            await ack.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        _recorded[name] = entry;
        return entry;
    }

    private async Task AwaitDeferredAsync(CancellationToken cancellationToken)
    {
        Task[] pending;
        lock (_deferred)
        {
            if (_deferred.Count == 0)
            {
                return;
            }

            pending = [.. _deferred];
            _deferred.Clear();
        }

        await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
