using Baton.Storage;

namespace Baton.Engine;

/// <summary>The lower-case names of statuses, as expressions, JSON output and the docs spell them.</summary>
public static class RunStateNames
{
    public static string Run(RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Waiting => "waiting",
        RunStatus.Completed => "completed",
        RunStatus.Failed => "failed",
        RunStatus.Cancelled => "cancelled",
        _ => "unknown",
    };

    public static string Step(StepStatus status) => status switch
    {
        StepStatus.Ready => "ready",
        StepStatus.Running => "running",
        StepStatus.Waiting => "waiting",
        StepStatus.Completed => "completed",
        StepStatus.Failed => "failed",
        StepStatus.Skipped => "skipped",
        StepStatus.Cancelled => "cancelled",
        StepStatus.Compensated => "compensated",
        _ => "unknown",
    };

    public static bool TryParseRun(string text, out RunStatus status)
    {
        foreach (var candidate in Enum.GetValues<RunStatus>())
        {
            if (string.Equals(Run(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
