using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

/// <summary><c>null</c>, <c>true</c>, <c>false</c>, a number or a string written in the expression.</summary>
internal sealed class LiteralNode(Value value, int start, int end) : ExpressionNode(start, end)
{
    public Value Value { get; } = value;

    public override Value Evaluate(in EvalScope scope) => Value;
}
