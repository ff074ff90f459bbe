using System.Globalization;
using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Expressions;
using Baton.Steps;
using Baton.Storage;

namespace Baton.Engine;

/// <summary>Steps that run other steps: <c>parallel</c>, <c>foreach</c> and <c>switch</c>.</summary>
internal sealed partial class RunDriver
{
    /// <summary>Starts the clock of a container's <c>timeout</c>: the whole container, not one attempt (containers are not retried).</summary>
    private void ArmContainerDeadline(StepExecutionRecord exec)
    {
        if (exec.Status != StepStatus.Running || _state.StepOf(exec).Timeout is null)
        {
            return;
        }

        exec.State ??= [];
        SetStatus(exec, StepStatus.Running, DeadlineOf(exec, exec.State));
    }

    /// <summary>A container's deadline passed: it fails with <c>timeout</c>, and what still runs inside it is cancelled.</summary>
    private void ContainerTimedOut(StepExecutionRecord exec)
    {
        var step = _state.StepOf(exec);
        Emit(TimelineEventTypes.TimerFired, exec, "The step's timeout passed.", actor: "timer");
        FailStep(exec, new ErrorInfo(ErrorCodes.Timeout,
            $"The {step.Kind} step did not finish within its timeout of {Duration.Format(step.Timeout!.Value)}; the steps still running in it were cancelled."));
    }

    private void BeginParallel(StepExecutionRecord exec, ParallelStep parallel)
    {
        exec.State = new JsonObject
        {
            ["completed"] = new JsonArray(),
            ["failed"] = new JsonArray(),
            ["last"] = new JsonObject(),
        };
        for (var i = 0; i < parallel.Branches.Count; i++)
        {
            Activate(parallel.Branches[i][0], exec, i);
        }
    }

    private void BranchCompleted(StepExecutionRecord exec, ParallelStep parallel, int ordinal, StepExecutionRecord last)
    {
        if (exec.IsTerminal)
        {
            return;
        }

        var state = exec.State!;
        MarkChanged(exec);
        if (parallel.Mode == ParallelMode.Any && last.Status == StepStatus.Skipped && last.ParentSeq == exec.Seq)
        {
            // A branch skipped by its condition did no work: it cannot be the first to complete.
            Skipped(state).Add(ordinal);
            SettleWithoutWinner(exec, parallel, lastError: null);
            return;
        }

        state["completed"]!.AsArray().Add(ordinal);
        state["last"]![ordinal.ToString(CultureInfo.InvariantCulture)] = last.Seq;
        if (parallel.Mode == ParallelMode.Any)
        {
            if (state["winner"] is null)
            {
                state["winner"] = ordinal;
                Emit(TimelineEventTypes.BranchWon, exec, $"Branch '{parallel.Branches[ordinal][0].Id}' finished first; the other branches are cancelled.", data: new JsonObject { ["branch"] = parallel.Branches[ordinal][0].Id });
                CancelDescendants(exec, exceptOrdinal: ordinal);
                state["compensatingLosers"] = true;
                ContinueLoserCompensation(exec);
            }

            return;
        }

        if (state["completed"]!.AsArray().Count == parallel.Branches.Count)
        {
            var output = new JsonObject();
            for (var i = 0; i < parallel.Branches.Count; i++)
            {
                output[parallel.Branches[i][0].Id] = BranchOutput(state, i);
            }

            Complete(exec, output);
        }
    }

    private void BranchFailed(StepExecutionRecord exec, ParallelStep parallel, int ordinal, ErrorInfo error)
    {
        var state = exec.State!;
        state["failed"]!.AsArray().Add(ordinal);
        MarkChanged(exec);
        if (parallel.Mode == ParallelMode.All)
        {
            FailStep(exec, error);
            return;
        }

        SettleWithoutWinner(exec, parallel, error);
    }

    private static JsonArray Skipped(JsonObject state)
    {
        if (state["skipped"] is not JsonArray skipped)
        {
            state["skipped"] = skipped = [];
        }

        return skipped;
    }

    /// <summary>
    /// A <c>mode: any</c> parallel whose every branch failed or was skipped ends without a winner: it fails with the last
    /// failure when a branch failed, and completes with a null output when every branch was skipped.
    /// </summary>
    private void SettleWithoutWinner(StepExecutionRecord exec, ParallelStep parallel, ErrorInfo? lastError)
    {
        var state = exec.State!;
        var failed = state["failed"]!.AsArray().Count;
        if (exec.IsTerminal || state["winner"] is not null || failed + Skipped(state).Count < parallel.Branches.Count)
        {
            return;
        }

        if (failed == 0)
        {
            Complete(exec, null);
            return;
        }

        lastError ??= _state.Execs.Where(e => e.ParentSeq == exec.Seq && e.Status == StepStatus.Failed).MaxBy(e => e.EndedAt)?.Error
            ?? new ErrorInfo(ErrorCodes.Cancelled, "No branch completed.") { Retryable = false };
        var message = failed == parallel.Branches.Count ? "Every branch failed" : "Every branch failed or was skipped";
        FailStep(exec, lastError with { Message = $"{message}; the last failure: {lastError.Message}" });
    }

    /// <summary>Undoes, one at a time, what the losing branches of a <c>mode: any</c> parallel completed; then completes it with the winner's output.</summary>
    private void ContinueLoserCompensation(StepExecutionRecord exec)
    {
        if (exec.IsTerminal)
        {
            return;
        }

        var state = exec.State!;
        var winner = state["winner"]!.GetValue<int>();
        var next = CompensationCandidates(exec, exceptOrdinal: winner).FirstOrDefault();
        if (next is not null)
        {
            StartCompensation(next);
            return;
        }

        state["compensatingLosers"] = false;
        MarkChanged(exec);
        Complete(exec, BranchOutput(state, winner));
    }

    private JsonNode? BranchOutput(JsonObject state, int ordinal)
        => state["last"]?[ordinal.ToString(CultureInfo.InvariantCulture)]?.GetValue<long>() is { } seq
            ? _state[seq].Output?.DeepClone()
            : null;

    private void BeginForEach(StepExecutionRecord exec, ForEachStep forEach)
    {
        JsonNode? items;
        try
        {
            using var scope = ScopeFor(exec, forEach);
            items = forEach.Items.Evaluate(scope);
        }
        catch (ExpressionException ex)
        {
            FailStep(exec, ExpressionError("foreach.items", ex));
            return;
        }

        if (items is not JsonArray list)
        {
            FailStep(exec, new ErrorInfo(ErrorCodes.Expression,
                $"foreach.items must evaluate to a list, not {JsonKinds.Describe(items)}.")
            { Retryable = false });
            return;
        }

        var count = list.Count;
        var started = Math.Min(forEach.Concurrency, count);

        // The items go into a journal entry written once; the state, rewritten as every item completes, stays a few
        // bytes. With the items in the state, a batch of n items wrote O(n²) bytes to the store.
        RecordItems(exec, Mask(list.DeepClone()));
        exec.State = new JsonObject
        {
            ["next"] = started,
            ["completed"] = 0,
        };
        MarkChanged(exec);
        if (count == 0)
        {
            Complete(exec, new JsonArray());
            return;
        }

        for (var i = 0; i < started; i++)
        {
            Activate(forEach.Body[0], exec, i);
        }
    }

    private void RecordItems(StepExecutionRecord exec, JsonNode? items)
    {
        var now = Now;
        var entry = new StepExecutionRecord
        {
            RunId = RunId,
            Seq = Run.NextStepSeq++,
            StepId = RunState.ItemsEntryName,
            Kind = "foreach.items",
            Path = $"{exec.Path}/{RunState.ItemsEntryName}",
            ParentSeq = exec.Seq,
            Ordinal = -1,
            Iteration = 1,
            Status = StepStatus.Completed,
            Attempts = 1,
            CreatedAt = now,
            StartedAt = now,
            EndedAt = now,
            Output = items,
        };
        _state.Add(entry);
        _pending.Steps[entry.Seq] = entry;
    }

    private void ItemCompleted(StepExecutionRecord exec)
    {
        if (exec.IsTerminal)
        {
            return;
        }

        var forEach = (ForEachStep)_state.StepOf(exec);
        var state = exec.State!;
        var count = _state.ItemsOf(exec).Count;
        var completed = state["completed"]!.GetValue<int>() + 1;
        var next = state["next"]!.GetValue<int>();
        state["completed"] = completed;
        if (next < count)
        {
            state["next"] = next + 1;
            Activate(forEach.Body[0], exec, next);
        }

        MarkChanged(exec);
        if (completed == count)
        {
            Complete(exec, ItemOutputs(exec, count));
        }
    }

    /// <summary>Each item's output: that of the last body step it executed, in the order of the items.</summary>
    private JsonArray ItemOutputs(StepExecutionRecord exec, int count)
    {
        // An item's sequence ended with the completion of its latest execution: nothing runs for an item after that.
        var lastOf = new StepExecutionRecord?[count];
        foreach (var child in _state.Execs)
        {
            if (child.ParentSeq == exec.Seq && _state.StepOf(child).Sequence.Role == SequenceRole.Body
                && (lastOf[child.Ordinal] is not { } seen || child.Seq > seen.Seq))
            {
                lastOf[child.Ordinal] = child;
            }
        }

        return [.. lastOf.Select(e => e?.Output?.DeepClone())];
    }

    private void BeginSwitch(StepExecutionRecord exec, SwitchStep @switch)
    {
        SwitchCase? chosen = null;
        var index = 0;
        try
        {
            using var scope = ScopeFor(exec, @switch);
            for (; index < @switch.Cases.Count; index++)
            {
                if (Truthiness.IsTruthy(@switch.Cases[index].When!.Evaluate(scope)))
                {
                    chosen = @switch.Cases[index];
                    break;
                }
            }
        }
        catch (ExpressionException ex)
        {
            FailStep(exec, ExpressionError($"cases[{index.ToString(CultureInfo.InvariantCulture)}].when", ex));
            return;
        }

        chosen ??= @switch.Default;
        if (chosen is null)
        {
            Complete(exec, new JsonObject { ["case"] = null, ["output"] = null });
            return;
        }

        // An unnamed case is known by its index in 'cases', from 0, as a number: `output.case == 0` reads the first.
        JsonNode name = chosen.Name is { } named ? JsonValue.Create(named)
            : chosen == @switch.Default ? JsonValue.Create("default")
            : JsonValue.Create(index);
        if (chosen.Goto is { } target)
        {
            Complete(exec, new JsonObject { ["case"] = name, ["output"] = null }, target);
            return;
        }

        exec.State = new JsonObject { ["case"] = name };
        MarkChanged(exec);
        Activate(chosen.Steps![0], exec, chosen.Steps.Ordinal);
    }
}
