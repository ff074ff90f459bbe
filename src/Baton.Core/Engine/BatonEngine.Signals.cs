using System.Text.Json.Nodes;
using Baton.Storage;

namespace Baton.Engine;

/// <summary>Acting on runs from outside: approvals, events, cancellation.</summary>
public sealed partial class BatonEngine
{
    /// <summary>Decides an approval step, then drives the run forward.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="step">The approval's step id, or its full path when the step waits in several places (inside a foreach).</param>
    /// <param name="decision">The decision.</param>
    /// <param name="cancellationToken">Cancels the call, not the decision once stored.</param>
    /// <remarks>
    /// Returns once the run has taken the decision in. When several decisions race for one approval, the first to reach
    /// the run applies; every other one is recorded on the timeline as refused, and its call throws, naming who decided.
    /// </remarks>
    /// <exception cref="RunNotFoundException">No such run.</exception>
    /// <exception cref="InvalidRunOperationException">
    /// No approval by that name is waiting, the approval was already decided (the message names by whom), or the edits
    /// change fields that are not editable.
    /// </exception>
    public async Task<RunResult> DecideAsync(RunId runId, string step, ApprovalDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var snapshot = await _svc.Store.LoadRunAsync(runId, cancellationToken).ConfigureAwait(false) ?? throw new RunNotFoundException(runId);
        var target = FindWaitingApproval(snapshot, step);
        if (decision.Data is not null)
        {
            ApprovalEdits.Apply(target.State, decision.Data, target.Path, out var notEditable);
            if (notEditable is not null)
            {
                throw new InvalidRunOperationException(runId, notEditable);
            }
        }

        SignalRecord sent;
        try
        {
            sent = await DeliverAsync(new SignalRecord
            {
                RunId = runId,
                Kind = SignalKind.Approval,
                Name = decision.Approved ? "approve" : "reject",
                Target = target.Path,
                Actor = Actor(decision.By),
                CreatedAt = _svc.TimeProvider.GetUtcNow(),
                Data = new JsonObject
                {
                    ["approved"] = decision.Approved,
                    ["comment"] = decision.Comment,
                    ["data"] = decision.Data?.DeepClone(),
                },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidRunOperationException)
        {
            // The run ended since it was loaded: say how the approval ended, when a decision ended it.
            var now = await _svc.Store.LoadRunAsync(runId, cancellationToken).ConfigureAwait(false);
            throw new InvalidRunOperationException(runId, LateMessage(runId, target.Path, now?.Steps.FirstOrDefault(s => s.Seq == target.Seq), null));
        }

        var result = await DriveAsync(runId, cancellationToken).ConfigureAwait(false);
        var consumed = await WaitUntilConsumedAsync(sent, cancellationToken).ConfigureAwait(false);
        if (consumed?.ConsumedBySeq == target.Seq)
        {
            return result;
        }

        var timeline = await _svc.Store.GetTimelineAsync(runId, cancellationToken).ConfigureAwait(false);
        var refusal = timeline.LastOrDefault(e => e.Type == TimelineEventTypes.SignalReceived && e.Data?["signalId"]?.GetValue<long>() == sent.Id);
        var steps = await _svc.Store.GetStepExecutionsAsync(runId, cancellationToken).ConfigureAwait(false);
        throw new InvalidRunOperationException(runId, LateMessage(runId, target.Path, steps.FirstOrDefault(s => s.Seq == target.Seq), refusal?.Data?["reason"]?.GetValue<string>()));
    }

    /// <summary>The one approval <paramref name="step"/> names that waits for a decision.</summary>
    private static StepExecutionRecord FindWaitingApproval(RunSnapshot snapshot, string step)
    {
        var runId = snapshot.Run.Id;
        var approvals = snapshot.Steps.Where(s => s.Kind == "approval" && (s.Path == step || s.StepId == step)).ToList();
        var named = approvals.Any(s => s.Path == step) ? approvals.Where(s => s.Path == step).ToList() : approvals;
        var matches = named.Where(s => s.Status == StepStatus.Waiting).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        if (matches.Count == 0 && named.MaxBy(s => s.Seq) is { } last && ApprovalOutcome.Describe(last) is not null)
        {
            throw new InvalidRunOperationException(runId, LateMessage(runId, last.Path, last, null));
        }

        RequireActive(snapshot.Run);
        var waiting = snapshot.Steps.Where(s => s.Status == StepStatus.Waiting && s.Kind == "approval").ToList();
        var pending = waiting.Count == 0 ? "none" : string.Join(", ", waiting.Select(s => $"'{s.Path}'"));
        throw new InvalidRunOperationException(runId, matches.Count == 0
            ? $"Run {runId} has no approval '{step}' waiting for a decision. Waiting approvals: {pending}."
            : $"Approval '{step}' waits in several places in run {runId}; name one by its path: {pending}.");
    }

    private static string LateMessage(RunId runId, string path, StepExecutionRecord? approval, string? reason)
    {
        var why = reason ?? (approval is null ? null : ApprovalOutcome.Describe(approval)) ?? "the approval was no longer waiting.";
        return $"The decision on approval '{path}' of run {runId} did not apply: {why}";
    }

    /// <summary>
    /// The signal once its run has consumed it; null when the run ended without consuming it. A run that another process
    /// drives takes signals in at its next heartbeat, so this polls until then.
    /// </summary>
    private async Task<SignalRecord?> WaitUntilConsumedAsync(SignalRecord sent, CancellationToken cancellationToken)
    {
        while (true)
        {
            var signals = await _svc.Store.GetSignalsAsync(sent.RunId, cancellationToken).ConfigureAwait(false);
            var signal = signals.FirstOrDefault(s => s.Id == sent.Id);
            if (signal?.ConsumedBySeq is not null)
            {
                return signal;
            }

            var run = await _svc.Store.GetRunAsync(sent.RunId, cancellationToken).ConfigureAwait(false);
            if (run is null || run.IsTerminal)
            {
                return null;
            }

            await Task.Delay(_svc.Options.PollInterval, _svc.TimeProvider, cancellationToken).ConfigureAwait(false);
            await SettleAsync([sent.RunId], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Delivers an event to a run, then drives it forward. An event that no wait is listening for is kept until one is.</summary>
    /// <exception cref="RunNotFoundException">No such run.</exception>
    /// <exception cref="InvalidRunOperationException">The run has ended.</exception>
    public async Task<RunResult> SignalAsync(RunId runId, string eventName, JsonNode? data = null, string by = "api", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        await DeliverAsync(new SignalRecord
        {
            RunId = runId,
            Kind = SignalKind.Event,
            Name = eventName,
            Actor = Actor(by),
            CreatedAt = _svc.TimeProvider.GetUtcNow(),
            Data = data?.DeepClone(),
        }, cancellationToken).ConfigureAwait(false);
        return await DriveAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels a run: running steps are stopped, waits end, child runs are cancelled. Compensations do not run.</summary>
    /// <exception cref="RunNotFoundException">No such run.</exception>
    /// <exception cref="InvalidRunOperationException">The run has ended.</exception>
    public async Task<RunResult> CancelAsync(RunId runId, string by = "api", string? reason = null, CancellationToken cancellationToken = default)
    {
        await DeliverAsync(new SignalRecord
        {
            RunId = runId,
            Kind = SignalKind.Cancel,
            Name = "cancel",
            Actor = Actor(by),
            CreatedAt = _svc.TimeProvider.GetUtcNow(),
            Data = reason is null ? null : new JsonObject { ["reason"] = reason },
        }, cancellationToken).ConfigureAwait(false);
        return await DriveAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SignalRecord> DeliverAsync(SignalRecord signal, CancellationToken cancellationToken)
    {
        var masked = signal with { Data = _svc.Masker.MaskNode(signal.Data) };
        var stored = await _svc.Store.DeliverSignalAsync(masked, cancellationToken).ConfigureAwait(false);
        _poke.Release();

        // The DriveAsync that follows pokes a drive of this run in this engine, if there is one.
        return stored;
    }

    private static void RequireActive(RunRecord run)
    {
        if (run.IsTerminal)
        {
            throw new InvalidRunOperationException(run.Id, $"Run {run.Id} has already ended ({run.Status.ToString().ToLowerInvariant()}).");
        }
    }

    private static string Actor(string by) => by.Contains(':', StringComparison.Ordinal) ? by : $"user:{by}";
}
