using System.Collections.Concurrent;
using System.Diagnostics;
using Baton.Steps;

namespace Baton.Cli.Bench;

/// <summary>The benchmark's step kind: does nothing, and notes when each attempt began so the engine's overhead between steps can be measured.</summary>
internal sealed class NoopStep : IStepExecutor
{
    private readonly ConcurrentDictionary<RunId, long> _last = new();
    private readonly ConcurrentBag<double> _gapsMs = [];
    private long _executions;

    public string Kind => "noop";

    public long Executions => Interlocked.Read(ref _executions);

    /// <summary>Time from the start of one step of a run to the start of the next: commit, scheduling and dispatch.</summary>
    public IReadOnlyCollection<double> GapsMs => _gapsMs;

    public ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        if (_last.TryGetValue(context.RunId, out var previous))
        {
            _gapsMs.Add(Stopwatch.GetElapsedTime(previous, now).TotalMilliseconds);
        }

        _last[context.RunId] = now;
        Interlocked.Increment(ref _executions);
        return ValueTask.FromResult(StepOutcome.Completed(null));
    }

    public void Forget(RunId runId) => _last.TryRemove(runId, out _);

    /// <summary>Forgets what the warm-up measured.</summary>
    public void Reset()
    {
        _gapsMs.Clear();
        _last.Clear();
        Interlocked.Exchange(ref _executions, 0);
    }
}
