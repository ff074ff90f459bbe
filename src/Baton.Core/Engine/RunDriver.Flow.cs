using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Expressions;
using Baton.Steps;
using Baton.Storage;

namespace Baton.Engine;

/// <summary>How the flow moves: activating steps, starting them, and continuing after them.</summary>
internal sealed partial class RunDriver
{
    /// <summary>Advances the state machine in memory as far as it goes without waiting.</summary>
    private void Advance()
    {
        bool progress;
        do
        {
            progress = DrainResults();
            progress |= ProcessSignals();
            progress |= ProcessAgenda();
        }
        while (progress && !Run.IsTerminal);

        if (Run.IsTerminal)
        {
            // Decisions that arrived while the run was ending are answered in its last commit.
            ProcessSignals();
        }
    }

    private bool ProcessAgenda()
    {
        if (Run.IsTerminal || _agenda.Count == 0)
        {
            return false;
        }

        var now = Now;
        var progress = false;
        _due.Clear();
        _due.AddRange(_agenda);
        foreach (var seq in _due)
        {
            var exec = _state[seq];
            if (exec.ReadyAt is { } at && at > now)
            {
                continue;
            }

            progress = true;
            if (exec.Status == StepStatus.Ready)
            {
                Begin(exec);
            }
            else if (exec.Status == StepStatus.Waiting)
            {
                TimerFired(exec);
            }
            else if (exec.Status == StepStatus.Running)
            {
                ContainerTimedOut(exec);
            }

            if (Run.IsTerminal)
            {
                break;
            }
        }

        return progress;
    }

    /// <summary>Creates an execution of <paramref name="step"/> in the given pass of its sequence, ready to run.</summary>
    private StepExecutionRecord? Activate(StepDefinition step, StepExecutionRecord? parent, int ordinal)
    {
        var iteration = _state.CountInScope(step, parent, ordinal) + 1;
        var exec = new StepExecutionRecord
        {
            RunId = RunId,
            Seq = Run.NextStepSeq++,
            StepId = step.Id,
            Kind = step.Kind,
            Path = PathFor(step, parent, ordinal, iteration),
            ParentSeq = parent?.Seq,
            Ordinal = ordinal,
            Iteration = iteration,
            CreatedAt = Now,
        };
        _state.Add(exec);
        _pending.RunChanged = true;
        if (iteration > step.MaxIterations)
        {
            ExceedIterations(exec, step, parent);
            return null;
        }

        SetStatus(exec, StepStatus.Ready);
        return exec;
    }

    /// <summary>
    /// The flow came back to a step once more than its <c>max-iterations</c> allows. The execution that would exceed it is
    /// recorded as failed without running, so that the run's error names a path <c>baton show</c> lists. The loop failed,
    /// not the step: the step's own <c>on-error</c> does not apply, and the failure goes to the enclosing step (or the run).
    /// </summary>
    private void ExceedIterations(StepExecutionRecord exec, StepDefinition step, StepExecutionRecord? parent)
    {
        var times = step.MaxIterations == 1 ? "once" : $"at most {step.MaxIterations.ToString(CultureInfo.InvariantCulture)} times";
        var error = new ErrorInfo(ErrorCodes.MaxIterations,
            $"Step '{step.Id}' may run {times} in one pass of its sequence (max-iterations: {step.MaxIterations.ToString(CultureInfo.InvariantCulture)}), and the flow came back to it again. Raise max-iterations on the step if the loop is meant to run longer.")
        { Retryable = false };
        exec.Error = error;
        exec.StartedAt = Now;
        exec.EndedAt = Now;
        SetStatus(exec, StepStatus.Failed);
        Emit(TimelineEventTypes.StepFailed, exec, error.Message, data: EndData(exec, new JsonObject { ["code"] = error.Code }));
        FailSequence(parent, exec.Ordinal, step.Sequence, error, exec.Path);
    }

    private string PathFor(StepDefinition step, StepExecutionRecord? parent, int ordinal, int iteration)
    {
        var name = iteration > 1 ? $"{step.Id}#{iteration.ToString(CultureInfo.InvariantCulture)}" : step.Id;
        if (parent is null)
        {
            return name;
        }

        return _state.StepOf(parent) is ForEachStep && step.Sequence.Role == SequenceRole.Body
            ? $"{parent.Path}[{ordinal.ToString(CultureInfo.InvariantCulture)}]/{name}"
            : $"{parent.Path}/{name}";
    }

    /// <summary>Starts a ready execution whose time has come: decides its <c>if</c>, then does what its kind does.</summary>
    private void Begin(StepExecutionRecord exec)
    {
        var step = _state.StepOf(exec);
        if (exec.Attempts == 0 && step.If is not null)
        {
            if (MissingSecrets(StepTemplates.SecretReferences(step.If)) is { } missingInCondition)
            {
                MarkStarted(exec);
                FailStep(exec, missingInCondition);
                return;
            }

            bool proceed;
            try
            {
                using var scope = ScopeFor(exec, step);
                proceed = Truthiness.IsTruthy(step.If.Evaluate(scope));
            }
            catch (ExpressionException ex)
            {
                MarkStarted(exec);
                FailStep(exec, ExpressionError("if", ex));
                return;
            }

            if (!proceed)
            {
                Skip(exec);
                return;
            }
        }

        // An action step checks its secrets when its attempt launches, where a recovered attempt also passes.
        if (step is not ActionStep && MissingSecrets(StepTemplates.SecretReferences(step)) is { } missing)
        {
            MarkStarted(exec);
            FailAttempt(exec, missing);
            return;
        }

        switch (step)
        {
            case ActionStep:
                StartAttempt(exec);
                break;
            case SetStep set:
                MarkStarted(exec);
                RunSet(exec, set);
                break;
            case FailStep fail:
                MarkStarted(exec);
                RunFail(exec, fail);
                break;
            case GroupStep group:
                MarkStarted(exec);
                Activate(group.Body[0], exec, 0);
                ArmContainerDeadline(exec);
                break;
            case ParallelStep parallel:
                MarkStarted(exec);
                BeginParallel(exec, parallel);
                ArmContainerDeadline(exec);
                break;
            case ForEachStep forEach:
                MarkStarted(exec);
                BeginForEach(exec, forEach);
                ArmContainerDeadline(exec);
                break;
            case SwitchStep @switch:
                MarkStarted(exec);
                BeginSwitch(exec, @switch);
                ArmContainerDeadline(exec);
                break;
            case WaitStep wait:
                MarkStarted(exec);
                BeginWait(exec, wait);
                break;
            case ApprovalStep approval:
                MarkStarted(exec);
                BeginApproval(exec, approval);
                break;
            case WorkflowCallStep call:
                MarkStarted(exec);
                BeginChild(exec, call);
                break;
            default:
                throw new UnreachableException($"Step kind {step.GetType().Name} has no handler.");
        }
    }

    /// <summary>Records the start of a step that the engine runs itself (one attempt, no launch).</summary>
    private void MarkStarted(StepExecutionRecord exec)
    {
        exec.Attempts++;
        exec.StartedAt ??= Now;
        SetStatus(exec, StepStatus.Running);
        Emit(TimelineEventTypes.StepStarted, exec, attempt: exec.Attempts);
        EngineTelemetry.Source.StartActivity($"step {exec.StepId}")?.SetTag("baton.step.path", exec.Path).SetTag("baton.step.kind", exec.Kind).Dispose();
    }

    private void Skip(StepExecutionRecord exec)
    {
        exec.EndedAt = Now;
        SetStatus(exec, StepStatus.Skipped);
        Emit(TimelineEventTypes.StepSkipped, exec, "The step's condition was false.", data: EndData(exec));
        ContinueAfter(exec, target: null);
    }

    private void RunSet(StepExecutionRecord exec, SetStep set)
    {
        var output = new JsonObject();
        try
        {
            using var scope = ScopeFor(exec, set);
            foreach (var (name, value) in set.Values)
            {
                output[name] = Mask(value.Render(scope));
            }
        }
        catch (ExpressionException ex)
        {
            FailAttempt(exec, ExpressionError("set", ex));
            return;
        }

        foreach (var (name, value) in output)
        {
            Run.Vars[name] = value?.DeepClone();
        }

        _pending.RunChanged = true;
        Complete(exec, output);
    }

    private void RunFail(StepExecutionRecord exec, FailStep fail)
    {
        string message;
        try
        {
            using var scope = ScopeFor(exec, fail);
            message = fail.Message.EvaluateToString(scope);
        }
        catch (ExpressionException ex)
        {
            FailAttempt(exec, ExpressionError("fail", ex));
            return;
        }

        FailAttempt(exec, new ErrorInfo(fail.Code, message) { Retryable = false });
    }

    /// <summary>Completes an execution and moves the flow on: to <paramref name="target"/> when given, else to the next step.</summary>
    private void Complete(StepExecutionRecord exec, JsonNode? output, string? target = null)
    {
        exec.Output = Mask(output);
        exec.Error = null;
        exec.EndedAt = Now;
        SetStatus(exec, StepStatus.Completed);
        Emit(TimelineEventTypes.StepCompleted, exec, attempt: exec.Attempts, data: EndData(exec));
        EngineTelemetry.Transitions.Add(1);
        ContinueAfter(exec, target);
    }

    private void ContinueAfter(StepExecutionRecord exec, string? target)
    {
        if (Run.IsTerminal)
        {
            return;
        }

        var parent = _state.ParentOf(exec);
        if (parent is not null && parent.IsTerminal && _state.StepOf(exec).Sequence.Role != SequenceRole.Compensation)
        {
            return;
        }

        var step = _state.StepOf(exec);
        if (target is not null)
        {
            Activate(step.Sequence.Find(target) ?? throw new UnreachableException($"goto target '{target}' is not in the sequence of '{step.Id}'."), parent, exec.Ordinal);
            return;
        }

        if (step.Next is { } next)
        {
            Activate(next, parent, exec.Ordinal);
            return;
        }

        SequenceCompleted(parent, exec.Ordinal, step.Sequence, exec);
    }

    /// <summary>The last step of a sequence completed: tell the step that owns the sequence, or complete the run.</summary>
    private void SequenceCompleted(StepExecutionRecord? owner, int ordinal, StepSequence sequence, StepExecutionRecord last)
    {
        if (owner is null)
        {
            CompleteRun();
            return;
        }

        if (sequence.Role == SequenceRole.Compensation)
        {
            CompensationFinished(owner, succeeded: true);
            return;
        }

        switch (_state.StepOf(owner))
        {
            case GroupStep:
                Complete(owner, last.Output?.DeepClone());
                break;
            case SwitchStep:
                Complete(owner, new JsonObject { ["case"] = owner.State?["case"]?.DeepClone(), ["output"] = last.Output?.DeepClone() });
                break;
            case ParallelStep parallel:
                BranchCompleted(owner, parallel, ordinal, last);
                break;
            case ForEachStep:
                ItemCompleted(owner);
                break;
            default:
                throw new UnreachableException($"A {owner.Kind} step does not own sequences.");
        }
    }

    private void CompleteRun()
    {
        JsonNode? output = null;
        if (Definition.Outputs is not null)
        {
            if (MissingSecrets(StepTemplates.OutputSecretReferences(Definition)) is { } missing)
            {
                FailRun(missing, "outputs");
                return;
            }

            try
            {
                using var scope = new ExpressionScope(_state, null, StepTemplates.OutputReferences(Definition), SecretsObject, _svc.TimeProvider);
                output = Definition.Outputs.Render(scope);
            }
            catch (ExpressionException ex)
            {
                FailRun(ExpressionError("outputs", ex), "outputs");
                return;
            }
        }

        Run.Output = Mask(output);
        Run.Status = RunStatus.Completed;
        Run.CompletedAt = Now;
        _pending.RunChanged = true;
        Emit(TimelineEventTypes.RunCompleted, null, $"The run completed in {FormatDuration(Run.CompletedAt.Value - Run.CreatedAt)}.");
        NotifyParent();
    }

    /// <summary>Sets an execution's status and keeps the agenda and the pending commit in step with it.</summary>
    private void SetStatus(StepExecutionRecord exec, StepStatus status, DateTimeOffset? readyAt = null)
    {
        exec.Status = status;
        exec.ReadyAt = status is StepStatus.Ready or StepStatus.Waiting or StepStatus.Running ? readyAt : null;
        if (status == StepStatus.Ready || (status is StepStatus.Waiting or StepStatus.Running && readyAt is not null))
        {
            _agenda.Add(exec.Seq);
        }
        else
        {
            _agenda.Remove(exec.Seq);
        }

        MarkChanged(exec);
    }

    private void MarkChanged(StepExecutionRecord exec)
    {
        _pending.Steps[exec.Seq] = exec;
        _state.Invalidate(exec.Seq);
    }

    private ExpressionScope ScopeFor(StepExecutionRecord exec, StepDefinition step)
        => new(_state, exec, StepTemplates.StepReferences(step), _secretsAccessor ??= SecretsObject, _svc.TimeProvider);

    private void Emit(string type, StepExecutionRecord? exec, string? message = null, int? attempt = null, string? actor = null, JsonNode? data = null)
    {
        _pending.Events.Add(new TimelineEvent
        {
            RunId = RunId,
            Seq = Run.NextEventSeq++,
            At = Now,
            Type = type,
            StepSeq = exec?.Seq,
            Path = exec?.Path,
            Attempt = attempt,
            Actor = actor ?? "engine",
            Message = message is null ? null : _svc.Masker.MaskText(message),
            Data = Mask(data),
        });
        _pending.RunChanged = true;
    }

    private JsonNode? Mask(JsonNode? node) => _svc.Masker.MaskNode(node);

    private ErrorInfo Mask(ErrorInfo error)
        => _svc.Masker.IsEmpty ? error : error with { Message = _svc.Masker.MaskText(error.Message), Details = Mask(error.Details) };

    private static ErrorInfo ExpressionError(string where, ExpressionException ex)
        => new(ErrorCodes.Expression, $"The expression in '{where}' failed: {ex.Message}") { Retryable = false };

    /// <summary>
    /// The data of a step's end event: <paramref name="data"/> with <c>durationMs</c> added when the execution started.
    /// Readers in other processes (the CLI printing a run another process began) take the duration from here.
    /// </summary>
    private static JsonObject? EndData(StepExecutionRecord exec, JsonObject? data = null)
        => exec.StartedAt is { } started && exec.EndedAt is { } ended ? WithDuration(data, started, ended) : data;

    /// <summary>Adds the whole milliseconds between the two times as the store keeps them, so that the event agrees with the step's stored times.</summary>
    private static JsonObject WithDuration(JsonObject? data, DateTimeOffset started, DateTimeOffset ended)
    {
        data ??= [];
        data["durationMs"] = ended.ToUnixTimeMilliseconds() - started.ToUnixTimeMilliseconds();
        return data;
    }

    private static string FormatDuration(TimeSpan duration) => RunDriverFormatting.Duration(duration);
}
