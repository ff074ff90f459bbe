using Baton.Expressions.Nodes;
using Baton.Expressions.Runtime;

namespace Baton.Expressions.Syntax;

// Hand-written recursive-descent parser: Jint and NCalc are not available to this project.
/// <summary>
/// Parses the tokens of one expression into a tree, by the precedence of the language, loosest first:
/// <c>?:</c>, <c>??</c>, <c>||</c>, <c>&amp;&amp;</c>, <c>== !=</c>, <c>&lt; &lt;= &gt; &gt;=</c>, <c>+ -</c>, <c>* / %</c>, unary <c>! -</c>,
/// then member access and calls. It also records every reference to a context name with its static member path.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>How deeply parentheses, lists, mappings, calls and unary operators may nest.</summary>
    public const int MaxNesting = 64;

    /// <summary>The deepest tree accepted, which bounds the recursion of evaluation (long operator chains count).</summary>
    public const int MaxHeight = 256;

    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly List<ExpressionReference> _references;
    private int _index;
    private int _nesting;

    private Parser(string text, List<Token> tokens, List<ExpressionReference> references)
    {
        _text = text;
        _tokens = tokens;
        _references = references;
    }

    /// <summary>Parses a whole expression; the tokens end with an <see cref="TokenKind.End"/> token.</summary>
    /// <exception cref="ParseFailure">The first syntax error.</exception>
    public static ExpressionNode Parse(string text, List<Token> tokens, List<ExpressionReference> references)
    {
        var parser = new Parser(text, tokens, references);
        var node = parser.ParseExpression();
        var next = parser.Current;
        if (next.Kind != TokenKind.End)
        {
            throw next.Kind == TokenKind.Invalid
                ? parser.Error(next, next.Value!)
                : parser.Error(next, $"Unexpected '{parser.TextOf(next)}' after the end of the expression. Is an operator or a comma missing?");
        }

        return node;
    }

    private Token Current => _tokens[_index];

    private Token PeekAt(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    private Token Advance()
    {
        var token = _tokens[_index];
        if (token.Kind != TokenKind.End)
        {
            _index++;
        }

        return token;
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private Token Expect(TokenKind kind, string expected) => Current.Kind == kind ? Advance() : throw Unexpected(Current, expected);

    private ExpressionNode ParseExpression()
    {
        Enter();
        var node = ParseConditional();
        _nesting--;
        return node;
    }

    private void Enter()
    {
        if (++_nesting > MaxNesting)
        {
            throw Error(Current, $"The expression is nested more than {MaxNesting} levels deep. Simplify it, or compute parts in earlier steps.");
        }
    }

    private ExpressionNode ParseConditional()
    {
        var condition = ParseBinary(Level.Coalesce);
        if (Current.Kind != TokenKind.Question)
        {
            return condition;
        }

        Advance();
        var whenTrue = ParseExpression();
        Expect(TokenKind.Colon, "':' between the two branches of '?'");
        var whenFalse = ParseExpression();
        return Check(new ConditionalNode(condition, whenTrue, whenFalse, condition.Start, whenFalse.End));
    }

    private ExpressionNode ParseUnary()
    {
        var token = Current;
        if (token.Kind == TokenKind.Minus && PeekAt(1).Kind == TokenKind.Number && PeekAt(2).Kind is not (TokenKind.Dot or TokenKind.LeftBracket))
        {
            Advance();
            var number = Advance();
            return NumberLiteral("-" + number.Value, -number.Number, token.Start, number.End);
        }

        if (token.Kind is not (TokenKind.Bang or TokenKind.Minus))
        {
            return ParsePostfix();
        }

        Advance();
        Enter();
        var operand = ParseUnary();
        _nesting--;
        return token.Kind == TokenKind.Bang
            ? Check(new NotNode(operand, token.Start, operand.End))
            : Check(new NegateNode(operand, token.Start, operand.End));
    }

    private ExpressionNode Check(ExpressionNode node)
    {
        if (node.Height > MaxHeight)
        {
            throw new ParseFailure(new ExpressionError(
                $"The expression chains more than {MaxHeight} operations. Split it, or compute parts in earlier steps.", node.Start, node.End - node.Start));
        }

        return node;
    }

    private ParseFailure Error(Token token, string message) => new(new ExpressionError(message, token.Start, token.Length));

    private ParseFailure Unexpected(Token token, string expected) => token.Kind switch
    {
        TokenKind.Invalid => Error(token, token.Value!),
        TokenKind.End => Error(token, $"Expected {expected}, but the expression ends here."),
        _ => Error(token, $"Expected {expected}, but found '{TextOf(token)}'."),
    };

    private string TextOf(Token token) => MessageText.Quote(_text.AsSpan(token.Start, token.Length));

    private static LiteralNode Literal(Value value, Token token) => new(value, token.Start, token.End);
}
