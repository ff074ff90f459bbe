using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

/// <summary><c>== !=</c> compare deeply; <c>&lt; &lt;= &gt; &gt;=</c> compare two numbers or two strings (ordinal).</summary>
internal sealed class ComparisonNode(BinaryOperator op, ExpressionNode left, ExpressionNode right, int start, int end)
    : ExpressionNode(start, end, HeightOf(left, right))
{
    public BinaryOperator Operator { get; } = op;

    public ExpressionNode Left { get; } = left;

    public ExpressionNode Right { get; } = right;

    public override Value Evaluate(in EvalScope scope)
    {
        var left = Left.Evaluate(scope);
        var right = Right.Evaluate(scope);
        return Operator switch
        {
            BinaryOperator.Equal => Value.Boolean(ValueEquality.AreEqual(left, right)),
            BinaryOperator.NotEqual => Value.Boolean(!ValueEquality.AreEqual(left, right)),
            _ => Value.Boolean(Test(Compare(left, right))),
        };
    }

    private bool Test(int order) => Operator switch
    {
        BinaryOperator.Less => order < 0,
        BinaryOperator.LessOrEqual => order <= 0,
        BinaryOperator.Greater => order > 0,
        _ => order >= 0,
    };

    /// <summary>Orders two numbers or two strings; anything else is an error.</summary>
    public static int Compare(in Value left, in Value right)
    {
        if (left.Kind == ValueKind.Number && right.Kind == ValueKind.Number)
        {
            var a = left.GetNumber();
            var b = right.GetNumber();
            return a < b ? -1 : a > b ? 1 : 0;
        }

        if (left.Kind == ValueKind.String && right.Kind == ValueKind.String)
        {
            return string.CompareOrdinal(left.GetString(), right.GetString());
        }

        throw new EvaluationFailure($"Cannot compare {ValueKinds.Describe(left.Kind)} with {ValueKinds.Describe(right.Kind)}");
    }
}
