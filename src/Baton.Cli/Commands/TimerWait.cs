using System.Globalization;
using Baton.Cli.Output;
using Baton.Engine;
using Baton.Storage;

namespace Baton.Cli.Commands;

/// <summary>Keeps <c>baton run --wait</c> attached while a run waits only on timers, driving it as each one comes due.</summary>
internal static class TimerWait
{
    public static async Task<RunResult> FollowAsync(BatonEngine engine, RunResult result, Terminal? terminal, CancellationToken cancellationToken)
    {
        while (!result.IsTerminal)
        {
            var run = await engine.Store.GetRunAsync(result.RunId, cancellationToken).ConfigureAwait(false);
            var steps = await engine.Store.GetStepExecutionsAsync(result.RunId, cancellationToken).ConfigureAwait(false);
            if (run?.ReadyAt is not { } due || NeedsSomeone(steps))
            {
                return result;
            }

            var delay = due - TimeProvider.System.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                terminal?.Line($"  {terminal.Dim("…")} waiting until {due.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}Z ({RunDriverFormatting.Duration(delay)})");
                await Task.Delay(delay, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }

            result = await engine.DriveAsync(result.RunId, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>True when a step waits for a person, an event or a child run: time alone will not move the run.</summary>
    private static bool NeedsSomeone(IReadOnlyList<StepExecutionRecord> steps)
        => steps.Any(s => s.Status == StepStatus.Waiting
            && (s.Kind is "approval" or "workflow" || s.State?["events"] is not null));
}
