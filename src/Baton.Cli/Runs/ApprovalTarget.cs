using Baton.Engine;

namespace Baton.Cli.Runs;

/// <summary>
/// Lets <c>baton approve RUN STEP</c> reach an approval that waits in a child run of RUN, as the hints after a run
/// suggest: the decision goes to the child, then RUN is driven forward.
/// </summary>
internal static class ApprovalTarget
{
    /// <exception cref="RunNotFoundException">No such run.</exception>
    /// <exception cref="InvalidRunOperationException">No approval by that name waits in the run or its child runs, or it waits in several.</exception>
    public static async Task<RunResult> DecideAsync(BatonEngine engine, RunId runId, string step, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        var run = await engine.Store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false) ?? throw new RunNotFoundException(runId);
        if (run.IsTerminal)
        {
            return await engine.DecideAsync(runId, step, decision, cancellationToken).ConfigureAwait(false);
        }

        var waiting = await WaitingApproval.FindAsync(engine.Store, runId, cancellationToken).ConfigureAwait(false);
        var byPath = waiting.Where(a => a.Step.Path == step).ToList();
        var matches = byPath.Count > 0 ? byPath : [.. waiting.Where(a => a.Step.StepId == step)];
        if (matches.Count == 0 && waiting.Any(a => a.InChild))
        {
            throw new InvalidRunOperationException(runId, $"Run {runId} has no approval '{step}' waiting for a decision, nor do its child runs. Waiting approvals: {List(waiting)}.");
        }

        if (matches.Select(a => a.RunId).Distinct().Count() > 1)
        {
            throw new InvalidRunOperationException(runId, $"Approval '{step}' waits in several runs under run {runId}; decide one with its own run id: {List(matches)}.");
        }

        if (matches.Count == 0 || !matches[0].InChild)
        {
            return await engine.DecideAsync(runId, step, decision, cancellationToken).ConfigureAwait(false);
        }

        await engine.DecideAsync(matches[0].RunId, step, decision, cancellationToken).ConfigureAwait(false);
        return await engine.DriveAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    private static string List(IEnumerable<WaitingApproval> approvals)
        => string.Join(", ", approvals.Select(a => a.InChild ? $"'{a.Step.Path}' in child run {a.RunId} ({a.Command("approve")})" : $"'{a.Step.Path}'"));
}
