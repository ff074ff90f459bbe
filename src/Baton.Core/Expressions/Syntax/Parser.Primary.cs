using System.Text.Json;
using Baton.Expressions.Functions;
using Baton.Expressions.Nodes;
using Baton.Expressions.Runtime;

namespace Baton.Expressions.Syntax;

internal sealed partial class Parser
{
    /// <summary>Integers beyond this lose digits as doubles, so their literals keep their exact text.</summary>
    private const double MaxExactInteger = 9007199254740992;

    private ExpressionNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return NumberLiteral(token.Value!, token.Number, token.Start, token.End);
            case TokenKind.String:
                Advance();
                return Literal(Value.String(token.Value!), token);
            case TokenKind.Identifier when PeekAt(1).Kind == TokenKind.LeftParen:
                return ParseCall();
            case TokenKind.Identifier:
                Advance();
                return token.Value switch
                {
                    "null" => Literal(Value.Null, token),
                    "true" => Literal(Value.True, token),
                    "false" => Literal(Value.False, token),
                    _ => new RootNode(token.Value!, token.Start, token.End),
                };
            case TokenKind.LeftParen:
                Advance();
                var inner = ParseExpression();
                Expect(TokenKind.RightParen, "')' to close the '('");
                return inner;
            case TokenKind.LeftBracket:
                return ParseList();
            case TokenKind.LeftBrace:
                return ParseMapping();
            default:
                throw Unexpected(token, "a value");
        }
    }

    private static ExpressionNode NumberLiteral(string source, double value, int start, int end)
    {
        if (Math.Abs(value) > MaxExactInteger && !source.Contains('.') && !source.Contains('e') && !source.Contains('E'))
        {
            using var document = JsonDocument.Parse(source);
            return new ExactNumberNode(document.RootElement.Clone(), start, end);
        }

        // -0 reads as 0, so that it prints as 0.
        return new LiteralNode(Value.Number(value == 0 ? 0 : value), start, end);
    }

    private ExpressionNode ParseList()
    {
        var open = Advance();
        var items = new List<ExpressionNode>();
        if (Current.Kind != TokenKind.RightBracket)
        {
            do
            {
                items.Add(ParseExpression());
            }
            while (Accept(TokenKind.Comma));
        }

        var close = Expect(TokenKind.RightBracket, "',' or ']' in the list");
        return Check(new ListNode([.. items], open.Start, close.End));
    }

    private ExpressionNode ParseMapping()
    {
        var open = Advance();
        var keys = new List<string>();
        var values = new List<ExpressionNode>();
        if (Current.Kind != TokenKind.RightBrace)
        {
            do
            {
                var keyToken = Current;
                if (keyToken.Kind is not (TokenKind.Identifier or TokenKind.String))
                {
                    throw Unexpected(keyToken, "a key (a name or a quoted string)");
                }

                Advance();
                var key = keyToken.Value!;
                if (keys.Contains(key))
                {
                    throw Error(keyToken, $"The key '{key}' appears twice in the mapping.");
                }

                Expect(TokenKind.Colon, $"':' after the key '{key}'");
                keys.Add(key);
                values.Add(ParseExpression());
            }
            while (Accept(TokenKind.Comma));
        }

        var close = Expect(TokenKind.RightBrace, "',' or '}' in the mapping");
        return Check(new MappingNode([.. keys], [.. values], open.Start, close.End));
    }

    private ExpressionNode ParseCall()
    {
        var name = Advance();
        if (!FunctionTable.TryGet(name.Value!, out var function))
        {
            var suggestion = FunctionTable.Suggest(name.Value!);
            var hint = suggestion is null ? " See the list of functions in the language reference." : $" Did you mean '{suggestion}'?";
            throw Error(name, $"Unknown function '{name.Value}'.{hint}");
        }

        Advance();
        var arguments = new List<ExpressionNode>();
        if (Current.Kind != TokenKind.RightParen)
        {
            do
            {
                arguments.Add(ParseExpression());
            }
            while (Accept(TokenKind.Comma));
        }

        var close = Expect(TokenKind.RightParen, $"',' or ')' in the call of '{function.Name}'");
        if (!function.Accepts(arguments.Count))
        {
            throw new ParseFailure(new ExpressionError(
                $"Function '{function.Name}' takes {function.Arity}, but was given {arguments.Count}.", name.Start, close.End - name.Start));
        }

        var state = Prepare(function, arguments);
        return Check(new CallNode(function, [.. arguments], state, name.Start, close.End));
    }

    // A constant pattern is compiled once here, so that a bad one is a validation error and a good one is not rebuilt per call.
    private static object? Prepare(FunctionDefinition function, List<ExpressionNode> arguments)
    {
        if (function.Name != "matches" || arguments[1] is not LiteralNode { Value.Kind: ValueKind.String } pattern)
        {
            return null;
        }

        var regex = TextFunctions.TryCreatePattern(pattern.Value.GetString(), out var error);
        return regex ?? throw new ParseFailure(new ExpressionError(
            $"The pattern of 'matches' is not a valid regular expression: {error}", pattern.Start, pattern.End - pattern.Start));
    }
}
