using System.Globalization;
using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Expressions;
using Baton.Steps;
using Baton.Storage;

namespace Baton.Engine;

/// <summary>Steps that wait durably: <c>wait</c>, <c>approval</c> and <c>workflow</c> (a child run).</summary>
internal sealed partial class RunDriver
{
    private void BeginWait(StepExecutionRecord exec, WaitStep wait)
    {
        var now = Now;
        DateTimeOffset? fireAt = null;
        DateTimeOffset? timeoutAt = null;
        try
        {
            using var scope = ScopeFor(exec, wait);
            if (wait.For is not null)
            {
                fireAt = now + EvaluateDuration(wait.For, scope, "wait.for");
            }
            else if (wait.Until is not null)
            {
                fireAt = EvaluateTime(wait.Until, scope, "wait.until");
            }

            if (wait.EventTimeout is not null)
            {
                timeoutAt = now + EvaluateDuration(wait.EventTimeout, scope, "wait.timeout");
            }
        }
        catch (StepFailedException ex)
        {
            FailAttempt(exec, ex.ToErrorInfo());
            return;
        }
        catch (ExpressionException ex)
        {
            FailAttempt(exec, ExpressionError("wait", ex));
            return;
        }

        var state = new JsonObject();
        if (wait.Events.Count > 0)
        {
            state["events"] = new JsonArray([.. wait.Events.Select(e => (JsonNode?)e)]);
            if (TryTakeEvent(exec, wait.Events) is { } early)
            {
                exec.State = state;
                CompleteWait(exec, early);
                return;
            }
        }

        if (fireAt is { } at)
        {
            state["fireAt"] = at;
        }

        if (timeoutAt is { } t)
        {
            state["timeoutAt"] = t;
        }

        var deadline = DeadlineOf(exec, state);
        exec.State = state;
        SetStatus(exec, StepStatus.Waiting, Earliest(fireAt, timeoutAt, deadline));
        Emit(TimelineEventTypes.StepWaiting, exec, DescribeWait(wait, fireAt, timeoutAt));
    }

    private static string DescribeWait(WaitStep wait, DateTimeOffset? fireAt, DateTimeOffset? timeoutAt)
    {
        if (wait.Events.Count > 0)
        {
            var events = string.Join(", ", wait.Events.Select(e => $"'{e}'"));
            return timeoutAt is { } t ? $"Waiting for event {events} until {Iso(t)}." : $"Waiting for event {events}.";
        }

        return $"Waiting until {Iso(fireAt!.Value)}.";
    }

    /// <summary>Takes the oldest pending event with one of the names, if one arrived before the wait.</summary>
    private SignalRecord? TryTakeEvent(StepExecutionRecord exec, IReadOnlyList<string> names)
    {
        var signal = _signals.FirstOrDefault(s => s.Kind == SignalKind.Event && names.Contains(s.Name, StringComparer.Ordinal));
        if (signal is null)
        {
            return null;
        }

        Consume(signal, exec);
        return signal;
    }

    private void CompleteWait(StepExecutionRecord exec, SignalRecord signal)
    {
        var stamp = SignalStamp(signal);
        stamp["event"] = signal.Name;
        Emit(TimelineEventTypes.SignalReceived, exec, $"Event '{signal.Name}' sent by {signal.Actor ?? "unknown"} at {Iso(signal.CreatedAt)} received.", actor: signal.Actor, data: stamp);
        Complete(exec, new JsonObject
        {
            ["event"] = signal.Name,
            ["data"] = signal.Data?.DeepClone(),
            ["timedOut"] = false,
            ["firedAt"] = Iso(Now),
        });
    }

    /// <summary>A waiting step's timer is due: a wait's time came, an event wait timed out, or a step-level deadline passed.</summary>
    private void TimerFired(StepExecutionRecord exec)
    {
        var now = Now;
        var state = exec.State ?? [];
        if (DeadlineOf(exec, state) is { } deadline && deadline <= now
            && !(state["fireAt"]?.GetValue<DateTimeOffset>() is { } fire && fire <= deadline)
            && !(state["timeoutAt"]?.GetValue<DateTimeOffset>() is { } to && to <= deadline))
        {
            Emit(TimelineEventTypes.TimerFired, exec, "The step's timeout passed.", actor: "timer");
            var error = new ErrorInfo(ErrorCodes.Timeout, $"The step did not finish within its timeout of {Duration.Format(_state.StepOf(exec).Timeout!.Value)}.");
            if (_state.StepOf(exec) is WorkflowCallStep)
            {
                CancelChildRun(exec);
            }

            // A retry of a wait or an approval waits, or asks, again; a retry of a workflow step starts a new child run.
            FailAttempt(exec, error);
            return;
        }

        if (_state.StepOf(exec) is not WaitStep)
        {
            // Only a wait has timers besides the deadline; anything else was re-armed by a recovered state.
            SetStatus(exec, StepStatus.Waiting, DeadlineOf(exec, state));
            return;
        }

        Emit(TimelineEventTypes.TimerFired, exec, actor: "timer");
        var timedOut = state["events"] is not null;
        Complete(exec, new JsonObject { ["event"] = null, ["data"] = null, ["timedOut"] = timedOut, ["firedAt"] = Iso(now) });
    }

    private void BeginApproval(StepExecutionRecord exec, ApprovalStep approval)
    {
        var request = new JsonObject();
        try
        {
            using var scope = ScopeFor(exec, approval);
            request["title"] = approval.Title?.EvaluateToString(scope) ?? $"Approve step '{approval.DisplayName}'?";
            request["instructions"] = approval.Instructions?.EvaluateToString(scope);
            request["data"] = approval.Data?.Render(scope);
        }
        catch (ExpressionException ex)
        {
            FailAttempt(exec, ExpressionError("approval", ex));
            return;
        }

        request["assignees"] = new JsonArray([.. approval.Assignees.Select(a => (JsonNode?)a)]);
        request["editable"] = new JsonArray([.. approval.Editable.Select(a => (JsonNode?)a)]);
        request["requestedAt"] = Iso(Now);
        exec.State = (JsonObject)Mask(request)!;
        SetStatus(exec, StepStatus.Waiting, DeadlineOf(exec, exec.State));
        Emit(TimelineEventTypes.ApprovalRequested, exec, exec.State["title"]!.GetValue<string>(),
            data: new JsonObject { ["assignees"] = request["assignees"]!.DeepClone() });
    }

    private void Decide(StepExecutionRecord exec, SignalRecord signal)
    {
        var data = signal.Data as JsonObject ?? [];
        var approved = data["approved"]?.GetValue<bool>() == true;
        var comment = data["comment"]?.GetValue<string>();
        var by = signal.Actor ?? "unknown";
        JsonNode? decided = null;
        if (approved)
        {
            // Checked again here: the request may have changed (a retried approval asks again) since the sender checked it.
            decided = ApprovalEdits.Apply(exec.State, data["data"], exec.Path, out var refusal);
            if (refusal is not null)
            {
                RefuseDecision(signal, exec, refusal);
                return;
            }
        }

        Consume(signal, exec);
        exec.Actor = by;
        var stamp = SignalStamp(signal);
        stamp["decision"] = approved ? "approved" : "rejected";
        stamp["comment"] = comment;
        Emit(TimelineEventTypes.ApprovalDecided, exec, approved ? "Approved." : "Rejected.", actor: by, data: stamp);
        if (!approved)
        {
            var reason = string.IsNullOrWhiteSpace(comment) ? "" : $": {comment}";

            // A retry of a rejected approval asks again.
            FailAttempt(exec, new ErrorInfo(ErrorCodes.ApprovalRejected, $"Rejected by {by}{reason}") { Retryable = false });
            return;
        }

        Complete(exec, new JsonObject
        {
            ["decision"] = "approved",
            ["by"] = by,
            ["comment"] = comment,
            ["data"] = decided,
            ["decidedAt"] = Iso(Now),
        });
    }

    /// <summary>
    /// Consumes a decision that cannot apply and records why on the timeline, so that its sender, and <c>baton show</c>,
    /// learn that it did not apply.
    /// </summary>
    private void RefuseDecision(SignalRecord signal, StepExecutionRecord? approval, string reason)
    {
        Consume(signal, null);
        var data = SignalStamp(signal);
        data["refused"] = true;
        data["reason"] = reason;
        Emit(TimelineEventTypes.SignalReceived, approval,
            $"The decision of {signal.Actor ?? "unknown"} on approval '{signal.Target}' was refused: {reason}", actor: signal.Actor, data: data);
    }

    /// <summary>Refuses a decision that finds no approval waiting at its path, saying how that approval ended.</summary>
    private void RefuseLateDecision(SignalRecord signal)
    {
        var last = _state.Execs.Where(e => e.Path == signal.Target && _state.StepOf(e) is ApprovalStep).MaxBy(e => e.Seq);
        var reason = last is null ? $"no approval '{signal.Target}' is waiting in run {RunId}."
            : ApprovalOutcome.Describe(last) ?? $"the approval is no longer waiting (it is {RunStateNames.Step(last.Status)}).";
        RefuseDecision(signal, last, reason);
    }

    /// <summary>Who sent a signal, and when it was sent (not when it was consumed): the data of the events it causes.</summary>
    private static JsonObject SignalStamp(SignalRecord signal)
        => new() { ["signalId"] = signal.Id, ["sentBy"] = signal.Actor, ["sentAt"] = Iso(signal.CreatedAt) };

    private void BeginChild(StepExecutionRecord exec, WorkflowCallStep call)
    {
        JsonObject inputs;
        try
        {
            using var scope = ScopeFor(exec, call);
            var rendered = call.Inputs?.Render(scope) ?? new JsonObject();
            if (rendered is not JsonObject obj)
            {
                FailAttempt(exec, new ErrorInfo(ErrorCodes.InvalidConfig, "workflow.inputs must evaluate to a mapping.") { Retryable = false });
                return;
            }

            inputs = obj;
        }
        catch (ExpressionException ex)
        {
            FailAttempt(exec, ExpressionError("workflow.inputs", ex));
            return;
        }

        RunRecord child;
        try
        {
            child = RunFactory.NewRun(call.Child, inputs, _svc, Now, parent: (RunId, exec.Seq));
        }
        catch (BatonException ex) when (ex is WorkflowInputException or RunStartException)
        {
            FailAttempt(exec, new ErrorInfo(ErrorCodes.ChildInputs, ex.Message) { Retryable = false });
            return;
        }

        child.NextEventSeq = 2;
        _pending.NewRuns.Add(new RunCommit
        {
            Run = child,
            IsNew = true,
            Events =
            [
                new TimelineEvent
                {
                    RunId = child.Id,
                    Seq = 1,
                    At = Now,
                    Type = TimelineEventTypes.RunStarted,
                    Actor = $"run:{RunId}",
                    Message = $"Run of '{call.Child.Name}' started by step '{exec.Path}' of run {RunId}.",
                    Data = new JsonObject { ["definitionHash"] = call.Child.Hash, ["parentRunId"] = RunId.Value },
                },
            ],
        });
        _pending.Definitions.Add(DefinitionCache.ToRecord(call.Child, Now));
        _svc.Definitions.Add(call.Child);
        exec.State = new JsonObject { ["childRunId"] = child.Id.Value };
        SetStatus(exec, StepStatus.Waiting, DeadlineOf(exec, exec.State));
        Emit(TimelineEventTypes.StepWaiting, exec, $"Waiting for child run {child.Id} of '{call.Child.Name}'.", data: new JsonObject { ["childRunId"] = child.Id.Value });
    }

    private void ChildFinished(StepExecutionRecord exec, JsonObject data)
    {
        var status = data["status"]?.GetValue<string>();
        if (status == "completed")
        {
            Complete(exec, data["output"]?.DeepClone());
            return;
        }

        var childId = data["childRunId"]?.GetValue<string>();
        var message = data["error"]?["message"]?.GetValue<string>() ?? $"it was {status}";
        FailAttempt(exec, new ErrorInfo(ErrorCodes.ChildFailed, $"Child run {childId} {status}: {message}") { Retryable = false });
    }

    private void CancelChildRun(StepExecutionRecord exec)
    {
        if (exec.State?["childRunId"]?.GetValue<string>() is { } child)
        {
            _pending.OutgoingSignals.Add(new SignalRecord
            {
                RunId = new RunId(child),
                Kind = SignalKind.Cancel,
                Name = "cancel",
                Actor = "engine",
                CreatedAt = Now,
            });
        }
    }

    /// <summary>When the step's own <c>timeout</c> ends a wait; kept in the state so that it survives restarts.</summary>
    private DateTimeOffset? DeadlineOf(StepExecutionRecord exec, JsonObject state)
    {
        if (state["deadline"]?.GetValue<DateTimeOffset>() is { } stored)
        {
            return stored;
        }

        if (_state.StepOf(exec).Timeout is not { } timeout)
        {
            return null;
        }

        // Computed when the attempt begins (its state is new each attempt), then kept for restarts.
        var deadline = Now + timeout;
        state["deadline"] = deadline;
        return deadline;
    }

    private static DateTimeOffset? Earliest(params DateTimeOffset?[] times)
        => times.Where(t => t is not null).Min();

    private static TimeSpan EvaluateDuration(Template template, IExpressionContext scope, string field)
    {
        var text = template.EvaluateToString(scope);
        return Duration.TryParse(text, out var value)
            ? value
            : throw new StepFailedException(ErrorCodes.InvalidConfig, $"{field} must be a duration such as '30s' or '1h30m', not '{text}'.", retryable: false);
    }

    private static DateTimeOffset EvaluateTime(Template template, IExpressionContext scope, string field)
    {
        var text = template.EvaluateToString(scope);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new StepFailedException(ErrorCodes.InvalidConfig, $"{field} must be an ISO-8601 time such as '2026-12-01T09:00:00Z', not '{text}'.", retryable: false);
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
