using Baton.Expressions.Nodes;

namespace Baton.Expressions.Syntax;

internal sealed partial class Parser
{
    /// <summary>The binary precedence levels, loosest first.</summary>
    private enum Level
    {
        Coalesce,
        Or,
        And,
        Equality,
        Relational,
        Additive,
        Multiplicative,
    }

    // Binary operators are left-associative: a - b - c is (a - b) - c.
    private ExpressionNode ParseBinary(Level level)
    {
        if (level > Level.Multiplicative)
        {
            return ParseUnary();
        }

        var left = ParseBinary(level + 1);
        while (IsOperatorOf(level, Current.Kind))
        {
            var op = Advance().Kind;
            var right = ParseBinary(level + 1);
            left = Check(Combine(level, op, left, right));
        }

        return left;
    }

    private static ExpressionNode Combine(Level level, TokenKind op, ExpressionNode left, ExpressionNode right) => level switch
    {
        Level.Coalesce => new CoalesceNode(left, right, left.Start, right.End),
        Level.Or => new OrNode(left, right, left.Start, right.End),
        Level.And => new AndNode(left, right, left.Start, right.End),
        Level.Equality or Level.Relational => new ComparisonNode(ToOperator(op), left, right, left.Start, right.End),
        _ => new ArithmeticNode(ToOperator(op), left, right, left.Start, right.End),
    };

    private static bool IsOperatorOf(Level level, TokenKind kind) => level switch
    {
        Level.Coalesce => kind == TokenKind.QuestionQuestion,
        Level.Or => kind == TokenKind.PipePipe,
        Level.And => kind == TokenKind.AmpersandAmpersand,
        Level.Equality => kind is TokenKind.EqualEqual or TokenKind.BangEqual,
        Level.Relational => kind is TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual,
        Level.Additive => kind is TokenKind.Plus or TokenKind.Minus,
        _ => kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent,
    };

    private static BinaryOperator ToOperator(TokenKind kind) => kind switch
    {
        TokenKind.EqualEqual => BinaryOperator.Equal,
        TokenKind.BangEqual => BinaryOperator.NotEqual,
        TokenKind.Less => BinaryOperator.Less,
        TokenKind.LessEqual => BinaryOperator.LessOrEqual,
        TokenKind.Greater => BinaryOperator.Greater,
        TokenKind.GreaterEqual => BinaryOperator.GreaterOrEqual,
        TokenKind.Plus => BinaryOperator.Add,
        TokenKind.Minus => BinaryOperator.Subtract,
        TokenKind.Star => BinaryOperator.Multiply,
        TokenKind.Slash => BinaryOperator.Divide,
        _ => BinaryOperator.Remainder,
    };
}
