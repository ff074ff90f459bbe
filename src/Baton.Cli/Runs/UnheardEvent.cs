using System.Text.Json.Nodes;
using Baton.Storage;

namespace Baton.Cli.Runs;

/// <summary>
/// After <c>baton signal</c>: an event that no wait of the run listens for is kept, not lost, and the sender should know
/// that, and what the run is listening for instead (a mistyped name is the usual cause).
/// </summary>
internal static class UnheardEvent
{
    /// <summary>The note to print, or null when a wait took the event or listens for it.</summary>
    public static async Task<string?> NoteAsync(IWorkflowStore store, RunId runId, string eventName, CancellationToken cancellationToken)
    {
        var pending = await store.GetPendingSignalsAsync(runId, cancellationToken).ConfigureAwait(false);
        if (!pending.Any(s => s.Kind == SignalKind.Event && s.Name == eventName))
        {
            return null;
        }

        var run = await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null || run.IsTerminal)
        {
            return run is null ? null : $"Run {runId} ended without a wait for '{eventName}', so the event was never consumed.";
        }

        var listening = (await store.GetStepExecutionsAsync(runId, cancellationToken).ConfigureAwait(false))
            .Where(s => s.Status == StepStatus.Waiting && s.State?["events"] is JsonArray)
            .SelectMany(s => s.State!["events"]!.AsArray().Select(n => n?.GetValue<string>()).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (listening.Contains(eventName))
        {
            return null;
        }

        var now = listening.Count == 0
            ? "Its waits are listening for no event now."
            : $"Its waits are listening for: {string.Join(", ", listening.Select(e => $"'{e}'"))}.";
        return $"No wait of run {runId} is listening for '{eventName}' now: the event is kept until a wait for it starts. {now}";
    }
}
