using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

internal sealed class NegateNode(ExpressionNode operand, int start, int end) : ExpressionNode(start, end, HeightOf(operand))
{
    public ExpressionNode Operand { get; } = operand;

    public override Value Evaluate(in EvalScope scope)
    {
        var value = Operand.Evaluate(scope);
        if (value.Kind != ValueKind.Number)
        {
            throw new EvaluationFailure($"'-' needs a number, not {ValueKinds.Describe(value.Kind)}");
        }

        return Value.Number(-value.GetNumber());
    }
}
