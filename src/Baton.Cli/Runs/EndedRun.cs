using Baton.Engine;
using Baton.Storage;

namespace Baton.Cli.Runs;

/// <summary>Checks, before acting on a run, that it exists and has not ended, so that the error says so plainly.</summary>
internal static class EndedRun
{
    /// <exception cref="RunNotFoundException">No such run.</exception>
    public static async Task<RunRecord> LoadAsync(IWorkflowStore store, RunId runId, CancellationToken cancellationToken)
        => await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false) ?? throw new RunNotFoundException(runId);

    /// <summary>The error for acting on a run that has ended: <paramref name="what"/> says what was not done.</summary>
    public static UsageException Error(RunRecord run, string what)
        => new($"Run {run.Id} has already ended ({RunStateNames.Run(run.Status)}{When(run)}); {what}. See it with: {CliName.Command($"show {run.Id}")}", "run.ended");

    private static string When(RunRecord run)
        => run.CompletedAt is { } at ? $" at {at.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z" : "";
}
