namespace Baton.Definitions.Compiler.Validation;

/// <summary>Describes where a step sits, for messages: "at the top level", "inside parallel step 'gather'".</summary>
internal static class StepPlaces
{
    public static string Describe(StepDefinition step)
    {
        if (step.Parent is not { } parent)
        {
            return "at the top level";
        }

        return step.Sequence.Role switch
        {
            SequenceRole.Compensation => $"in the compensation of step '{parent.Id}'",
            SequenceRole.Case => $"in cases[{step.Sequence.Ordinal}] of switch step '{parent.Id}'",
            SequenceRole.DefaultCase => $"in the default case of switch step '{parent.Id}'",
            SequenceRole.Branch => $"a branch of parallel step '{parent.Id}'",
            _ => parent is GroupStep ? $"inside group step '{parent.Id}'" : $"inside {parent.Kind} step '{parent.Id}'",
        };
    }

    /// <summary>True when the step runs once per item of an enclosing foreach.</summary>
    public static bool InForEachBody(StepDefinition step) => EnclosingForEach(step) is not null;

    public static ForEachStep? EnclosingForEach(StepDefinition step)
    {
        for (var current = step; current.Parent is { } parent; current = parent)
        {
            if (parent is ForEachStep forEach && current.Sequence.Role == SequenceRole.Body)
            {
                return forEach;
            }
        }

        return null;
    }
}
