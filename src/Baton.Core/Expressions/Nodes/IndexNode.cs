using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

/// <summary>
/// <c>target[index]</c>: a list item (negative counts from the end) or a mapping key. Null when out of range,
/// missing, or when the target is neither a list nor a mapping.
/// </summary>
internal sealed class IndexNode(ExpressionNode target, ExpressionNode index, int start, int end) : ExpressionNode(start, end, HeightOf(target, index))
{
    public ExpressionNode Target { get; } = target;

    public ExpressionNode Index { get; } = index;

    public override Value Evaluate(in EvalScope scope)
    {
        var target = Target.Evaluate(scope);
        var index = Index.Evaluate(scope);
        switch (index.Kind)
        {
            case ValueKind.Null:
                return Value.Null;
            case ValueKind.String:
                return MemberNode.Read(target, index.GetString());
            case ValueKind.Number:
                return target.Kind == ValueKind.List ? Item(target, index.GetNumber()) : Value.Null;
            default:
                throw new EvaluationFailure($"An index must be a number or a string, not {ValueKinds.Describe(index.Kind)}");
        }
    }

    private static Value Item(in Value target, double index)
    {
        var list = target.GetList();
        if (index != Math.Floor(index))
        {
            return Value.Null;
        }

        var position = index < 0 ? list.Count + index : index;
        return position >= 0 && position < list.Count ? Value.FromNode(list[(int)position], borrowed: true) : Value.Null;
    }
}
