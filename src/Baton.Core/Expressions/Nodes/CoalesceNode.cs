using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

/// <summary><c>a ?? b</c>: <c>a</c> unless it is null.</summary>
internal sealed class CoalesceNode(ExpressionNode left, ExpressionNode right, int start, int end) : ExpressionNode(start, end, HeightOf(left, right))
{
    public ExpressionNode Left { get; } = left;

    public ExpressionNode Right { get; } = right;

    public override Value Evaluate(in EvalScope scope)
    {
        var left = Left.Evaluate(scope);
        return left.IsNull ? Right.Evaluate(scope) : left;
    }
}
