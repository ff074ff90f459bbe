using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Storage;

namespace Baton.Engine;

/// <summary>Signals from outside the run's own flow: events, approval decisions, child run endings, cancellation.</summary>
internal sealed partial class RunDriver
{
    private bool ProcessSignals()
    {
        if (_signals.Count == 0)
        {
            return false;
        }

        var progress = false;
        foreach (var signal in _signals.ToArray())
        {
            if (Run.IsTerminal)
            {
                // A decision that arrives as the run ends is refused rather than left pending, so that its sender learns
                // it did not apply. Other signals to an ended run have no one to tell; they stay as they are.
                if (signal.Kind == SignalKind.Approval)
                {
                    RefuseLateDecision(signal);
                    progress = true;
                }

                continue;
            }

            switch (signal.Kind)
            {
                case SignalKind.Cancel:
                    Consume(signal, null);
                    CancelRun(signal);
                    progress = true;
                    break;
                case SignalKind.Approval:
                    var approval = _state.Execs.FirstOrDefault(e => e.Status == StepStatus.Waiting && e.Path == signal.Target && _state.StepOf(e) is ApprovalStep);
                    if (approval is not null)
                    {
                        Decide(approval, signal);
                    }
                    else
                    {
                        RefuseLateDecision(signal);
                    }

                    progress = true;
                    break;
                case SignalKind.ChildCompleted:
                    var data = signal.Data as JsonObject ?? [];
                    var childId = data["childRunId"]?.GetValue<string>();
                    var waiting = _state.Execs.FirstOrDefault(e => e.Status == StepStatus.Waiting && e.State?["childRunId"]?.GetValue<string>() == childId);
                    Consume(signal, waiting);
                    if (waiting is not null)
                    {
                        ChildFinished(waiting, data);
                    }

                    progress = true;
                    break;
                case SignalKind.Event:
                    var listener = _state.Execs
                        .Where(e => e.Status == StepStatus.Waiting && e.State?["events"] is JsonArray names && names.Any(n => n?.GetValue<string>() == signal.Name))
                        .MinBy(e => e.Seq);
                    if (listener is not null)
                    {
                        Consume(signal, listener);
                        CompleteWait(listener, signal);
                        progress = true;
                    }

                    break;
            }
        }

        return progress;
    }

    /// <summary>Marks a signal consumed (by <paramref name="exec"/>, or by the run itself when null) in the pending commit.</summary>
    private void Consume(SignalRecord signal, StepExecutionRecord? exec)
    {
        _signals.Remove(signal);
        _pending.ConsumedSignals.Add((signal.Id, exec?.Seq ?? 0));
        Run.SignalWatermark = Math.Max(Run.SignalWatermark, signal.Id);
        _pending.RunChanged = true;
    }

    private void CancelRun(SignalRecord signal)
    {
        foreach (var exec in _state.Execs.Where(e => !e.IsTerminal).OrderByDescending(e => e.Seq).ToList())
        {
            CancelExecution(exec);
        }

        var reason = signal.Data?["reason"]?.GetValue<string>();
        Run.Status = RunStatus.Cancelled;
        Run.CompletedAt = Now;
        Run.Error = new Steps.ErrorInfo(Steps.ErrorCodes.Cancelled, reason is null ? $"Cancelled by {signal.Actor ?? "unknown"}." : $"Cancelled by {signal.Actor ?? "unknown"}: {reason}") { Retryable = false };
        _pending.RunChanged = true;
        Emit(TimelineEventTypes.RunCancelled, null, Run.Error.Message, actor: signal.Actor);
        NotifyParent();
    }
}
