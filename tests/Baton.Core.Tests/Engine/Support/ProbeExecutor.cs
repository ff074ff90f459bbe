using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.Core.Tests.Engine.Support;

/// <summary>
/// A custom step kind ("probe") whose behaviour the workflow's config sets: what it returns, how many attempts fail,
/// whether it blocks until the test releases it. It records every attempt, so tests can assert what ran and how often.
/// </summary>
/// <remarks>
/// Config: <c>name</c> (label, default the step path), <c>output</c> (returned as is), <c>failTimes</c> (fail the first n
/// attempts), <c>failAlways</c>, <c>code</c> (error code, default probe.failed), <c>retryable</c> (default true),
/// <c>block</c> (wait on the gate named by <c>name</c>).
/// </remarks>
internal sealed class ProbeExecutor : IStepExecutor
{
    private readonly ConcurrentQueue<ProbeCall> _calls = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new();
    private int _running;
    private int _maxRunning;

    public string Kind => "probe";

    public IReadOnlyList<ProbeCall> Calls => [.. _calls];

    public int MaxConcurrent => Volatile.Read(ref _maxRunning);

    public int CountOf(string name) => _calls.Count(c => c.Name == name);

    /// <summary>Completes when an attempt of the named probe has started.</summary>
    public Task StartedAsync(string name) => _started.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Lets blocked attempts of the named probe finish.</summary>
    public void Release(string name) => Gate(name).TrySetResult();

    public async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var config = context.Config as JsonObject ?? [];
        var name = config["name"]?.GetValue<string>() ?? context.Path;
        _calls.Enqueue(new ProbeCall(name, context.Path, context.Attempt, context.IdempotencyKey, config.DeepClone()));
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _maxRunning, running);
        _started.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        try
        {
            if (config["block"]?.GetValue<bool>() == true)
            {
                await Gate(name).Task.WaitAsync(cancellationToken);
            }

            var failTimes = config["failTimes"]?.GetValue<int>() ?? 0;
            if (config["failAlways"]?.GetValue<bool>() == true || context.Attempt <= failTimes)
            {
                return StepOutcome.Failed(
                    config["code"]?.GetValue<string>() ?? "probe.failed",
                    $"Probe '{name}' failed attempt {context.Attempt}.",
                    config["retryable"]?.GetValue<bool>() ?? true);
            }

            return StepOutcome.Completed(config["output"]?.DeepClone() ?? new JsonObject { ["name"] = name, ["attempt"] = context.Attempt });
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private TaskCompletionSource Gate(string name) => _gates.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

internal sealed record ProbeCall(string Name, string Path, int Attempt, string IdempotencyKey, JsonNode Config);
