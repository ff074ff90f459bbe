using Baton.Storage;

namespace Baton.Cli.Runs;

/// <summary>An approval step waiting for a decision, in the run that was asked about or in one of its child runs.</summary>
internal sealed record WaitingApproval(RunId RunId, StepExecutionRecord Step, bool InChild)
{
    /// <summary>The exact command that decides it.</summary>
    public string Command(string verb) => CliName.Command($"{verb} {RunId} {Step.Path}");

    /// <summary>
    /// The approvals waiting in a run and in the child runs it waits on, however deep: a parent's <c>workflow</c> step
    /// waits while its child waits for a person, and the decision belongs to the child.
    /// </summary>
    public static async Task<IReadOnlyList<WaitingApproval>> FindAsync(IWorkflowStore store, RunId runId, CancellationToken cancellationToken)
    {
        var found = new List<WaitingApproval>();
        var seen = new HashSet<RunId>();
        var pending = new Queue<RunId>([runId]);
        while (pending.TryDequeue(out var id))
        {
            if (!seen.Add(id))
            {
                continue;
            }

            foreach (var step in await store.GetStepExecutionsAsync(id, cancellationToken).ConfigureAwait(false))
            {
                if (step.Status != StepStatus.Waiting)
                {
                    continue;
                }

                if (step.Kind == "approval")
                {
                    found.Add(new WaitingApproval(id, step, id != runId));
                }
                else if (step.State?["childRunId"]?.GetValue<string>() is { } child)
                {
                    pending.Enqueue(new RunId(child));
                }
            }
        }

        return found;
    }
}
