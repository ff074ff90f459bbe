namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// Decides which steps are certain to have finished when a step runs: the earlier steps of its sequence and of every
/// enclosing sequence, and the steps nested in those (except in foreach bodies, which run per item, and in
/// compensations, which run only on failure). A compensation step also sees the step it undoes.
/// </summary>
/// <remarks>Each question walks the two steps' ancestors only, so checking a workflow stays linear in its references.</remarks>
internal static class StepVisibility
{
    public static bool IsVisible(StepDefinition from, StepDefinition target, bool includeSelf)
    {
        var finishedWith = FinishedWith(target);
        if (includeSelf && finishedWith.Contains(from))
        {
            return true;
        }

        for (var current = from; current is not null; current = current.Parent)
        {
            foreach (var candidate in finishedWith)
            {
                if (ReferenceEquals(candidate.Sequence, current.Sequence) && candidate.Index < current.Index)
                {
                    return true;
                }
            }

            if (current.Sequence.Role == SequenceRole.Compensation && current.Parent is { } undone && finishedWith.Contains(undone))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The steps whose completion implies that <paramref name="target"/> has finished: itself and the containers above it, up to a foreach body or a compensation.</summary>
    private static List<StepDefinition> FinishedWith(StepDefinition target)
    {
        var result = new List<StepDefinition>();
        for (StepDefinition? current = target; current is not null; current = current.Parent)
        {
            result.Add(current);
            if (current.Sequence.Role == SequenceRole.Compensation || current.Parent is ForEachStep)
            {
                break;
            }
        }

        return result;
    }
}
