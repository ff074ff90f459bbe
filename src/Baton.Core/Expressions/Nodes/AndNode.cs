using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

/// <summary><c>a &amp;&amp; b</c>: <c>a</c> when it is falsy, else <c>b</c>, as in JavaScript.</summary>
internal sealed class AndNode(ExpressionNode left, ExpressionNode right, int start, int end) : ExpressionNode(start, end, HeightOf(left, right))
{
    public ExpressionNode Left { get; } = left;

    public ExpressionNode Right { get; } = right;

    public override Value Evaluate(in EvalScope scope)
    {
        var left = Left.Evaluate(scope);
        return left.IsTruthy() ? Right.Evaluate(scope) : left;
    }
}
