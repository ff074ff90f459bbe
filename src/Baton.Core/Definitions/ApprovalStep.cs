using Baton.Expressions;

namespace Baton.Definitions;

/// <summary>
/// Waits for a person to approve or reject. Approval completes the step; rejection fails it with
/// code <c>approval.rejected</c>, which routes by <c>on-error</c>.
/// </summary>
/// <remarks>Output: <c>{ "decision": "approved", "by", "comment", "data", "decidedAt" }</c>, where data is the edited data or, unedited, the data presented.</remarks>
public sealed class ApprovalStep : StepDefinition
{
    public override string Kind => "approval";

    /// <summary>What the reviewer is asked; may be a template.</summary>
    public Template? Title { get; init; }

    /// <summary>Instructions shown with the request; may be a template.</summary>
    public Template? Instructions { get; init; }

    /// <summary>The data under review, rendered when the step starts.</summary>
    public ValueTemplate? Data { get; init; }

    /// <summary>Who may decide, such as <c>role:strategist</c> or <c>user:ana</c>. Recorded now; enforced once roles arrive.</summary>
    public IReadOnlyList<string> Assignees { get; init; } = [];

    /// <summary>The fields of <see cref="Data"/> a reviewer may edit; empty allows any edit.</summary>
    public IReadOnlyList<string> Editable { get; init; } = [];
}
