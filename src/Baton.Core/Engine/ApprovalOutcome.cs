using Baton.Steps;
using Baton.Storage;

namespace Baton.Engine;

/// <summary>How an approval that is no longer waiting was decided, for the sender of a decision that came too late.</summary>
internal static class ApprovalOutcome
{
    /// <summary>"the approval was already decided by X (approved)"; null when no decision ended the wait (a timeout, a cancellation).</summary>
    public static string? Describe(StepExecutionRecord approval)
    {
        if (approval.Actor is not { } by)
        {
            return null;
        }

        var decision = approval.Error?.Code == ErrorCodes.ApprovalRejected ? "rejected"
            : approval.Status is StepStatus.Completed or StepStatus.Compensated ? "approved"
            : null;
        return decision is null ? null : $"the approval was already decided by {by} ({decision}).";
    }
}
