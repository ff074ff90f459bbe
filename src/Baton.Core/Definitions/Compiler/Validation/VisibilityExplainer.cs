namespace Baton.Definitions.Compiler.Validation;

/// <summary>Says why a step is not certain to have finished when another runs, for the BATON046 message.</summary>
internal static class VisibilityExplainer
{
    public static string Explain(StepDefinition from, StepDefinition target)
    {
        if (ReferenceEquals(from, target))
        {
            return "a step cannot read its own outcome while it runs";
        }

        for (var parent = from.Parent; parent is not null; parent = parent.Parent)
        {
            if (ReferenceEquals(parent, target))
            {
                return $"it holds '{from.Id}' and is still running";
            }
        }

        var fromChain = Chain(from);
        var targetChain = Chain(target);
        var shared = 0;
        while (shared < fromChain.Count && shared < targetChain.Count && ReferenceEquals(fromChain[shared].Sequence, targetChain[shared].Sequence))
        {
            shared++;
        }

        if (shared == 0)
        {
            return "it is not an earlier step of this sequence or of an enclosing one";
        }

        var (sequence, fromIndex) = fromChain[shared - 1];
        var targetIndex = targetChain[shared - 1].Index;
        if (targetIndex > fromIndex)
        {
            var later = sequence[targetIndex];
            return ReferenceEquals(later, target) ? "it comes later in the same sequence" : $"it is inside '{later.Id}', which comes later";
        }

        foreach (var (inner, _) in targetChain.Skip(shared))
        {
            if (inner.Role == SequenceRole.Compensation)
            {
                return $"it is a compensation step of '{inner.Owner?.Id}', which runs only when the run fails";
            }

            if (inner.Owner is ForEachStep forEach && inner.Role == SequenceRole.Body)
            {
                return $"it is inside foreach step '{forEach.Id}', whose body runs once per item; read steps.{forEach.Id}.output instead";
            }
        }

        return sequence[fromIndex] switch
        {
            ParallelStep parallel when targetIndex == fromIndex => $"it is in another branch of parallel step '{parallel.Id}', which runs at the same time",
            SwitchStep choice when targetIndex == fromIndex => $"it is in another case of switch step '{choice.Id}'",
            _ => "it is not an earlier step of this sequence or of an enclosing one",
        };
    }

    private static List<(StepSequence Sequence, int Index)> Chain(StepDefinition step)
    {
        var chain = new List<(StepSequence, int)>();
        for (StepDefinition? current = step; current is not null; current = current.Parent)
        {
            chain.Insert(0, (current.Sequence, current.Index));
        }

        return chain;
    }
}
