using System.Text.Json.Nodes;

namespace Baton.AI.Steps;

/// <summary>
/// The wall time an agent's attempt has spent working, for <c>budget.time</c>. Each turn and tool call records the time
/// spent when it ended, so that an attempt resumed after a crash picks up where its last recorded work left off: the
/// time the worker was down is not counted, and work that was lost in the crash counts again when it is done again.
/// </summary>
internal sealed class AgentClock(TimeProvider time)
{
    /// <summary>The field of a turn's or tool call's journal entry that holds the time spent when it ended, in milliseconds.</summary>
    public const string Field = "agentSpentMs";

    private readonly long _origin = time.GetTimestamp();
    private TimeSpan _carried;

    public TimeSpan Spent => _carried + time.GetElapsedTime(_origin);

    public void Stamp(JsonObject recorded) => recorded[Field] = Math.Round(Spent.TotalMilliseconds, 1);

    /// <summary>Moves the clock forward to the time a replayed entry recorded, when that is ahead of it.</summary>
    public void CatchUp(JsonNode? recorded)
    {
        if (recorded?[Field] is JsonValue value && value.TryGetValue<double>(out var ms) && TimeSpan.FromMilliseconds(ms) - Spent is var behind && behind > TimeSpan.Zero)
        {
            _carried += behind;
        }
    }

    /// <summary>A token that is also cancelled when the time left of <paramref name="limit"/> runs out; no limit, no timer.</summary>
    public Deadline Within(TimeSpan? limit, CancellationToken cancellationToken) => new(limit - Spent, time, cancellationToken);

    /// <summary>One piece of work (a turn, a tool call) under the time budget.</summary>
    public sealed class Deadline : IDisposable
    {
        private readonly CancellationToken _outer;
        private readonly CancellationTokenSource? _timer;
        private readonly CancellationTokenSource? _linked;

        public Deadline(TimeSpan? left, TimeProvider time, CancellationToken outer)
        {
            _outer = outer;
            if (left is { } remaining)
            {
                _timer = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromTicks(1), time);
                _linked = CancellationTokenSource.CreateLinkedTokenSource(outer, _timer.Token);
            }
        }

        public CancellationToken Token => _linked?.Token ?? _outer;

        /// <summary>True when the budget ran out, rather than the step being cancelled or timing out.</summary>
        public bool Expired => _timer?.IsCancellationRequested == true && !_outer.IsCancellationRequested;

        public void Dispose()
        {
            _linked?.Dispose();
            _timer?.Dispose();
        }
    }
}
