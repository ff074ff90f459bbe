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
    /// <exception cref="RunNotFoundException">No such run.</exception>
    /// <exception cref="InvalidRunOperationException">No approval by that name is waiting, or the edits touch fields that are not editable.</exception>
    public async Task<RunResult> DecideAsync(RunId runId, string step, ApprovalDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var snapshot = await _svc.Store.LoadRunAsync(runId, cancellationToken).ConfigureAwait(false) ?? throw new RunNotFoundException(runId);
        RequireActive(snapshot.Run);
        var waiting = snapshot.Steps.Where(s => s.Status == StepStatus.Waiting && s.Kind == "approval").ToList();
        var matches = waiting.Where(s => s.Path == step).ToList();
        if (matches.Count == 0)
        {
            matches = [.. waiting.Where(s => s.StepId == step)];
        }

        if (matches.Count != 1)
        {
            var pending = waiting.Count == 0 ? "none" : string.Join(", ", waiting.Select(s => $"'{s.Path}'"));
            throw new InvalidRunOperationException(runId, matches.Count == 0
                ? $"Run {runId} has no approval '{step}' waiting for a decision. Waiting approvals: {pending}."
                : $"Approval '{step}' waits in several places in run {runId}; name one by its path: {pending}.");
        }

        var target = matches[0];
        if (decision.Data is not null)
        {
            CheckEdits(runId, target, decision.Data);
        }

        await DeliverAsync(new SignalRecord
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
        return await DriveAsync(runId, cancellationToken).ConfigureAwait(false);
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

    private async Task DeliverAsync(SignalRecord signal, CancellationToken cancellationToken)
    {
        var masked = signal with { Data = _svc.Masker.MaskNode(signal.Data) };
        await _svc.Store.DeliverSignalAsync(masked, cancellationToken).ConfigureAwait(false);
        _poke.Release();

        // The DriveAsync that follows pokes a drive of this run in this engine, if there is one.
    }

    private static void RequireActive(RunRecord run)
    {
        if (run.IsTerminal)
        {
            throw new InvalidRunOperationException(run.Id, $"Run {run.Id} has already ended ({run.Status.ToString().ToLowerInvariant()}).");
        }
    }

    private static void CheckEdits(RunId runId, StepExecutionRecord approval, JsonNode edited)
    {
        var editable = approval.State?["editable"] as JsonArray;
        if (editable is null || editable.Count == 0)
        {
            return;
        }

        var allowed = editable.Select(e => e?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var original = approval.State?["data"] as JsonObject;
        if (edited is not JsonObject changes)
        {
            throw new InvalidRunOperationException(runId, $"The edited data for '{approval.Path}' must be a JSON object whose fields are among: {string.Join(", ", allowed)}.");
        }

        var forbidden = changes
            .Where(p => !allowed.Contains(p.Key) && !JsonNode.DeepEquals(p.Value, original?[p.Key]))
            .Select(p => p.Key)
            .ToList();
        if (forbidden.Count > 0)
        {
            throw new InvalidRunOperationException(runId, $"Approval '{approval.Path}' lets reviewers edit only {string.Join(", ", allowed.Select(a => $"'{a}'"))}; these fields changed too: {string.Join(", ", forbidden.Select(f => $"'{f}'"))}.");
        }
    }

    private static string Actor(string by) => by.Contains(':', StringComparison.Ordinal) ? by : $"user:{by}";
}
