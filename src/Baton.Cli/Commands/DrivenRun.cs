using Baton.Cli.Output;
using Baton.Engine;

namespace Baton.Cli.Commands;

/// <summary>Reports a run after a command acted on it and drove it forward.</summary>
internal static class DrivenRun
{
    /// <summary>Prints the steps the command drives as they start and end, as <c>baton run</c> does; nothing with --json.</summary>
    public static void ShowProgress(CliHost host, RunId runId, bool json)
    {
        if (!json)
        {
            new ProgressPrinter(Terminal.Stdout, root: runId).Attach(host.Engine);
        }
    }

    public static async Task<int> ReportAsync(CliHost host, RunResult result, bool json, CancellationToken cancellationToken)
    {
        var run = await host.Engine.Store.GetRunAsync(result.RunId, cancellationToken).ConfigureAwait(false);
        if (json)
        {
            var steps = await host.Engine.Store.GetStepExecutionsAsync(result.RunId, cancellationToken).ConfigureAwait(false);
            JsonOutput.Write(Console.Out, RunJson.Result(run!, steps));
        }
        else
        {
            await ResultPrinter.PrintAsync(Terminal.Stdout, host.Engine.Store, run!, cancellationToken).ConfigureAwait(false);
        }

        return ResultPrinter.ExitCode(result.Status);
    }
}
