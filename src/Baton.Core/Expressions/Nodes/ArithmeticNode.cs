using System.Text;
using System.Text.Json.Nodes;
using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

/// <summary><c>+ - * / %</c> on numbers; <c>+</c> also joins text (when either side is a string) and concatenates two lists.</summary>
internal sealed class ArithmeticNode(BinaryOperator op, ExpressionNode left, ExpressionNode right, int start, int end)
    : ExpressionNode(start, end, HeightOf(left, right))
{
    public BinaryOperator Operator { get; } = op;

    public ExpressionNode Left { get; } = left;

    public ExpressionNode Right { get; } = right;

    public override Value Evaluate(in EvalScope scope)
    {
        var left = Left.Evaluate(scope);
        var right = Right.Evaluate(scope);
        if (left.Kind == ValueKind.Number && right.Kind == ValueKind.Number)
        {
            return Value.Number(Compute(left.GetNumber(), right.GetNumber()));
        }

        if (Operator == BinaryOperator.Add)
        {
            if (left.Kind == ValueKind.String || right.Kind == ValueKind.String)
            {
                var builder = new StringBuilder();
                ValueText.Append(builder, left);
                ValueText.Append(builder, right);
                return Value.String(builder.ToString());
            }

            if (left.Kind == ValueKind.List && right.Kind == ValueKind.List)
            {
                return Concatenate(left.GetList(), right.GetList());
            }
        }

        throw new EvaluationFailure($"'{Symbol}' needs two numbers, not {ValueKinds.Describe(left.Kind)} and {ValueKinds.Describe(right.Kind)}");
    }

    private string Symbol => Operator switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => "%",
    };

    private double Compute(double left, double right)
    {
        if (Operator is BinaryOperator.Divide or BinaryOperator.Remainder && right == 0)
        {
            throw new EvaluationFailure("Division by zero");
        }

        var result = Operator switch
        {
            BinaryOperator.Add => left + right,
            BinaryOperator.Subtract => left - right,
            BinaryOperator.Multiply => left * right,
            BinaryOperator.Divide => left / right,
            _ => left % right,
        };
        return double.IsFinite(result) ? result : throw new EvaluationFailure($"The result of '{Symbol}' is not a finite number");
    }

    private static Value Concatenate(JsonArray left, JsonArray right)
    {
        var result = new JsonArray();
        foreach (var item in left)
        {
            result.Add(item?.DeepClone());
        }

        foreach (var item in right)
        {
            result.Add(item?.DeepClone());
        }

        return Value.Owned(result);
    }
}
