using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Expressions;
using Baton.Steps;
using Baton.Storage;

namespace Baton.Engine;

/// <summary>Failure: <c>on-error</c>, propagation to enclosing steps and the run, cancellation and compensation.</summary>
internal sealed partial class RunDriver
{
    /// <summary>A step failed for good (no retry left): apply its <c>on-error</c>.</summary>
    private void FailStep(StepExecutionRecord exec, ErrorInfo error)
    {
        error = Mask(error);
        exec.Error = error;
        exec.EndedAt = Now;
        SetStatus(exec, StepStatus.Failed);
        Emit(TimelineEventTypes.StepFailed, exec, error.Message, attempt: exec.Attempts, data: EndData(exec, new JsonObject { ["code"] = error.Code }));
        EngineTelemetry.Transitions.Add(1);
        CancelDescendants(exec, exceptOrdinal: null);

        var step = _state.StepOf(exec);
        switch (step.OnError.Action)
        {
            case OnErrorAction.Continue:
                if (step.OnError.Output is { } template)
                {
                    try
                    {
                        using var scope = ScopeFor(exec, step);
                        exec.Output = Mask(template.Render(scope));
                        MarkChanged(exec);
                    }
                    catch (ExpressionException ex)
                    {
                        FailSequence(_state.ParentOf(exec), exec.Ordinal, step.Sequence, ExpressionError("on-error", ex), exec.Path);
                        return;
                    }
                }

                ContinueAfter(exec, target: null);
                break;
            case OnErrorAction.Goto:
                ContinueAfter(exec, step.OnError.Target);
                break;
            default:
                FailSequence(_state.ParentOf(exec), exec.Ordinal, step.Sequence, error, exec.Path);
                break;
        }
    }

    /// <summary>A step in a sequence failed and did not handle it: the step that owns the sequence fails, or the run.</summary>
    private void FailSequence(StepExecutionRecord? owner, int ordinal, StepSequence sequence, ErrorInfo error, string origin)
    {
        if (owner is null)
        {
            FailRun(error, origin);
            return;
        }

        if (sequence.Role == SequenceRole.Compensation)
        {
            CompensationFinished(owner, succeeded: false);
            return;
        }

        if (owner.IsTerminal)
        {
            return;
        }

        switch (_state.StepOf(owner))
        {
            case ParallelStep parallel:
                BranchFailed(owner, parallel, ordinal, error);
                break;
            default:
                FailStep(owner, error);
                break;
        }
    }

    private void FailRun(ErrorInfo error, string origin)
    {
        if (Run.IsTerminal || Run.Compensating)
        {
            return;
        }

        Run.Error = Mask(error with { Message = $"Step '{origin}' failed: {error.Message}" });
        Run.Compensating = true;
        _pending.RunChanged = true;
        foreach (var exec in _state.Execs.Where(e => !e.IsTerminal).OrderByDescending(e => e.Seq).ToList())
        {
            CancelExecution(exec);
        }

        if (CompensationCandidates(scope: null, exceptOrdinal: null).Any())
        {
            Emit(TimelineEventTypes.CompensationStarted, null, "The run failed; undoing completed steps in reverse order.");
        }

        CompensateNext();
    }

    private void FinishFailedRun()
    {
        Run.Status = RunStatus.Failed;
        Run.CompletedAt = Now;
        _pending.RunChanged = true;
        Emit(TimelineEventTypes.RunFailed, null, Run.Error?.Message, data: Run.Error is null ? null : new JsonObject { ["code"] = Run.Error.Code });
        NotifyParent();
    }

    /// <summary>Cancels every execution still going under <paramref name="owner"/>, except in one branch or item.</summary>
    private void CancelDescendants(StepExecutionRecord owner, int? exceptOrdinal)
    {
        foreach (var exec in _state.Execs.Where(e => !e.IsTerminal && _state.IsDescendantOf(e, owner)).OrderByDescending(e => e.Seq).ToList())
        {
            if (exceptOrdinal is { } keep && _state.OrdinalUnder(exec, owner) == keep)
            {
                continue;
            }

            CancelExecution(exec);
        }
    }

    private void CancelExecution(StepExecutionRecord exec)
    {
        if (exec.IsTerminal)
        {
            return;
        }

        if (_inFlight.TryGetValue(exec.Seq, out var flight))
        {
            flight.Cancellation.Cancel();
        }

        if (exec.Status == StepStatus.Waiting && exec.State?["childRunId"]?.GetValue<string>() is { } child)
        {
            _pending.OutgoingSignals.Add(new SignalRecord
            {
                RunId = new RunId(child),
                Kind = SignalKind.Cancel,
                Name = "cancel",
                Actor = "engine",
                CreatedAt = Now,
                Data = new JsonObject { ["reason"] = $"The parent step '{exec.Path}' of run {RunId} was cancelled." },
            });
        }

        exec.EndedAt = Now;
        exec.Error ??= new ErrorInfo(ErrorCodes.Cancelled, "The step was cancelled.") { Retryable = false };
        SetStatus(exec, StepStatus.Cancelled);
        Emit(TimelineEventTypes.StepCancelled, exec, data: EndData(exec));

        // A compensation cut short leaves its step to be compensated again, by whatever compensates next.
        if (_state.StepOf(exec).Sequence.Role == SequenceRole.Compensation
            && _state.ParentOf(exec) is { } target
            && target.State?["compensation"]?.GetValue<string>() == "running")
        {
            target.State.Remove("compensation");
            MarkChanged(target);
        }
    }

    /// <summary>Completed steps with a compensation not yet run, latest first; under <paramref name="scope"/> when given.</summary>
    private IEnumerable<StepExecutionRecord> CompensationCandidates(StepExecutionRecord? scope, int? exceptOrdinal)
        => _state.Execs
            .Where(e => e.Status == StepStatus.Completed
                && _state.StepOf(e).Compensate is not null
                && e.State?["compensation"] is null
                && (scope is null || (_state.IsDescendantOf(e, scope) && _state.OrdinalUnder(e, scope) != exceptOrdinal)))
            .OrderByDescending(e => e.EndedAt)
            .ThenByDescending(e => e.Seq);

    /// <summary>Starts the next run-level compensation, or ends the run failed when none is left.</summary>
    private void CompensateNext()
    {
        var next = CompensationCandidates(scope: null, exceptOrdinal: null).FirstOrDefault();
        if (next is null)
        {
            FinishFailedRun();
            return;
        }

        StartCompensation(next);
    }

    private void StartCompensation(StepExecutionRecord target)
    {
        target.State ??= [];
        target.State["compensation"] = "running";
        target.State["compensationStartedAt"] = Now;
        MarkChanged(target);
        Activate(_state.StepOf(target).Compensate![0], target, 0);
    }

    /// <summary>A compensation sequence ended: record it, then go on with the next one.</summary>
    private void CompensationFinished(StepExecutionRecord target, bool succeeded)
    {
        target.State ??= [];
        target.State["compensation"] = succeeded ? "done" : "failed";
        var duration = CompensationData(target);
        if (succeeded)
        {
            SetStatus(target, StepStatus.Compensated);
            Emit(TimelineEventTypes.StepCompensated, target, "The step's compensation completed.", data: duration);
        }
        else
        {
            MarkChanged(target);
            duration ??= [];
            duration["failed"] = true;
            Emit(TimelineEventTypes.StepCompensated, target, "The step's compensation failed; the remaining compensations still run.", data: duration);
        }

        if (Run.Compensating)
        {
            CompensateNext();
            return;
        }

        for (var owner = _state.ParentOf(target); owner is not null; owner = _state.ParentOf(owner))
        {
            if (!owner.IsTerminal && owner.State?["compensatingLosers"]?.GetValue<bool>() == true)
            {
                ContinueLoserCompensation(owner);
                return;
            }
        }
    }

    /// <summary>The data of a compensation's end: its own duration, from the start of its first step (not the step it undoes).</summary>
    private JsonObject? CompensationData(StepExecutionRecord target)
        => target.State?["compensationStartedAt"]?.GetValue<DateTimeOffset>() is { } started ? WithDuration(null, started, Now) : null;

    private void NotifyParent()
    {
        if (Run.ParentRunId is not { } parent)
        {
            return;
        }

        _pending.OutgoingSignals.Add(new SignalRecord
        {
            RunId = parent,
            Kind = SignalKind.ChildCompleted,
            Name = "child.completed",
            Actor = $"run:{RunId}",
            CreatedAt = Now,
            Data = new JsonObject
            {
                ["childRunId"] = RunId.Value,
                ["parentStepSeq"] = Run.ParentStepSeq,
                ["status"] = RunStateNames.Run(Run.Status),
                ["output"] = Run.Output?.DeepClone(),
                ["error"] = Run.Error is null ? null : new JsonObject { ["code"] = Run.Error.Code, ["message"] = Run.Error.Message },
            },
        });
    }
}
