using System.Collections.Concurrent;
using System.Threading.Channels;
using Baton.Steps;

namespace Baton.Engine;

/// <summary>An attempt's side of the journal: what earlier attempts recorded, and the way to record more.</summary>
internal sealed class JournalChannel(long seq, int attempt, Dictionary<string, JournalEntry> recorded, ChannelWriter<RunDriver.AttemptResult> writer)
{
    private readonly ConcurrentDictionary<string, JournalEntry> _recorded = new(recorded, StringComparer.Ordinal);

    public async Task<JournalEntry> RunOnceAsync(string name, string kind, Func<CancellationToken, Task<JournalEntry>> work, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(work);
        if (_recorded.TryGetValue(name, out var replayed))
        {
            return replayed with { Output = replayed.Output?.DeepClone() };
        }

        var started = time.GetUtcNow();
        var entry = await work(cancellationToken).ConfigureAwait(false);
        var ack = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var write = new JournalWrite(seq, attempt, name, kind, entry with { Output = entry.Output?.DeepClone() }, started, time.GetUtcNow(), ack);
        if (!writer.TryWrite(new RunDriver.AttemptResult(seq, attempt, StepOutcome.Completed(null), Journal: write)))
        {
            throw new OperationCanceledException("The step's driver has stopped.");
        }

        await ack.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        _recorded[name] = entry;
        return entry;
    }
}
