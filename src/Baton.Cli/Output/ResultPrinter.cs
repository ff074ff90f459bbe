using Baton.Cli.Runs;
using Baton.Engine;
using Baton.Storage;

namespace Baton.Cli.Output;

/// <summary>The closing lines of a command that drove a run: its status, output or error, and what to do next.</summary>
internal static class ResultPrinter
{
    public static int ExitCode(RunStatus status) => status switch
    {
        RunStatus.Completed => ExitCodes.Success,
        RunStatus.Failed or RunStatus.Cancelled => ExitCodes.Failed,
        _ => ExitCodes.Waiting,
    };

    /// <summary>Prints the run's outcome; for a waiting run, the exact commands that decide its approvals, wherever they wait.</summary>
    public static async Task PrintAsync(Terminal terminal, IWorkflowStore store, RunRecord run, CancellationToken cancellationToken)
    {
        var approvals = run.IsTerminal ? [] : await WaitingApproval.FindAsync(store, run.Id, cancellationToken).ConfigureAwait(false);
        Print(terminal, run, approvals);
    }

    private static void Print(Terminal terminal, RunRecord run, IReadOnlyList<WaitingApproval> approvals)
    {
        var elapsed = (run.CompletedAt ?? run.UpdatedAt) - run.CreatedAt;
        switch (run.Status)
        {
            case RunStatus.Completed:
                terminal.Line($"{terminal.Green("completed")} run {run.Id} in {RunDriverFormatting.Duration(elapsed)}");
                if (run.Output is not null)
                {
                    terminal.Line("output:");
                    JsonOutput.Write(terminal.Writer, run.Output);
                }

                break;
            case RunStatus.Failed:
                terminal.Line($"{terminal.Red("failed")} run {run.Id} after {RunDriverFormatting.Duration(elapsed)}");
                terminal.Line($"error: {run.Error?.Code}: {run.Error?.Message}");
                terminal.Line(terminal.Dim($"See every attempt with: {CliName.Command($"show {run.Id}")}"));
                break;
            case RunStatus.Cancelled:
                terminal.Line($"{terminal.Yellow("cancelled")} run {run.Id}: {run.Error?.Message}");
                break;
            default:
                terminal.Line($"{terminal.Yellow(RunStateNames.Run(run.Status))} run {run.Id}" + (run.ReadyAt is { } at ? $" (next timer {at:yyyy-MM-dd HH:mm:ss}Z)" : ""));
                foreach (var approval in approvals)
                {
                    var where = approval.InChild ? $" in child run {approval.RunId}" : "";
                    terminal.Line($"  approval '{approval.Step.Path}' waits{where}: {approval.Command("approve")}   |   {approval.Command("reject")}");
                }

                terminal.Line(terminal.Dim($"Continue with: {CliName.Command($"show {run.Id}")} | {CliName.Command($"approve {run.Id} STEP")} | {CliName.Command($"signal {run.Id} EVENT")} | {CliName.Command("worker")}"));
                break;
        }
    }
}
