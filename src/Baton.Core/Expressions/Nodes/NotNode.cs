using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

internal sealed class NotNode(ExpressionNode operand, int start, int end) : ExpressionNode(start, end, HeightOf(operand))
{
    public ExpressionNode Operand { get; } = operand;

    public override Value Evaluate(in EvalScope scope) => Value.Boolean(!Operand.Evaluate(scope).IsTruthy());
}
