using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

/// <summary><c>condition ? whenTrue : whenFalse</c>, by the truthiness of the condition.</summary>
internal sealed class ConditionalNode(ExpressionNode condition, ExpressionNode whenTrue, ExpressionNode whenFalse, int start, int end)
    : ExpressionNode(start, end, HeightOf(condition, whenTrue, whenFalse))
{
    public ExpressionNode Condition { get; } = condition;

    public ExpressionNode WhenTrue { get; } = whenTrue;

    public ExpressionNode WhenFalse { get; } = whenFalse;

    public override Value Evaluate(in EvalScope scope)
        => Condition.Evaluate(scope).IsTruthy() ? WhenTrue.Evaluate(scope) : WhenFalse.Evaluate(scope);
}
