using Baton.Expressions.Syntax;

namespace Baton.Expressions;

public sealed partial class Template
{
    /// <summary>The longest template or expression accepted: 64 KiB of text.</summary>
    internal const int MaxLength = 64 * 1024;

    private const string Open = "${{";

    private readonly string _text;
    private readonly TemplatePart[] _parts;
    private readonly ExpressionPart? _single;
    private readonly ExpressionError[] _errors;
    private readonly ExpressionReference[] _references;
    private readonly bool _isLiteral;
    private readonly bool _isSingleExpression;

    private Template(string text, TemplateBuilder builder, bool isLiteral, bool isSingleExpression)
    {
        _text = text;
        _parts = [.. builder.Parts];
        _errors = [.. builder.Errors];
        _references = [.. builder.References];
        _isLiteral = isLiteral;
        _isSingleExpression = isSingleExpression;
        _single = isSingleExpression && _errors.Length == 0 ? _parts[0].Expression : null;
    }

    private static Template ParseTemplate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new TemplateBuilder();
        if (text.Length > MaxLength)
        {
            builder.Errors.Add(TooLong(text));
            return new Template(text, builder, isLiteral: false, isSingleExpression: false);
        }

        var open = text.IndexOf(Open, StringComparison.Ordinal);
        if (open < 0)
        {
            return new Template(text, builder, isLiteral: true, isSingleExpression: false);
        }

        var single = false;
        var position = 0;
        while (open >= 0)
        {
            if (open > position)
            {
                builder.Parts.Add(new TemplatePart(text[position..open], null));
            }

            var lexed = Lexer.Lex(text, open + Open.Length, inTemplate: true);
            if (!lexed.Closed)
            {
                builder.Errors.Add(UnclosedString(text, lexed.Tokens) ?? Unclosed(text, open));
                return new Template(text, builder, isLiteral: false, isSingleExpression: open == 0);
            }

            builder.Add(text, open, open + Open.Length, lexed.Tokens);
            single = open == 0 && lexed.Next == text.Length;
            position = lexed.Next;
            open = text.IndexOf(Open, position, StringComparison.Ordinal);
        }

        if (position < text.Length)
        {
            builder.Parts.Add(new TemplatePart(text[position..], null));
        }

        return new Template(text, builder, isLiteral: false, single);
    }

    private static Template ParseBare(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var builder = new TemplateBuilder();
        if (expression.Length > MaxLength)
        {
            builder.Errors.Add(TooLong(expression));
        }
        else
        {
            builder.Add(expression, 0, 0, Lexer.Lex(expression, 0, inTemplate: false).Tokens);
        }

        return new Template(expression, builder, isLiteral: false, isSingleExpression: true);
    }

    // A string left open swallows the '}}', so it, rather than the '${{', is what to fix.
    private static ExpressionError? UnclosedString(string text, List<Token> tokens)
    {
        if (tokens.Count > 0 && tokens[^1] is { Kind: TokenKind.Invalid } last && last.End == text.Length && text[last.Start] is '\'' or '"')
        {
            return new ExpressionError(last.Value!, last.Start, last.Length);
        }

        return null;
    }

    private static ExpressionError Unclosed(string text, int open)
    {
        return new ExpressionError($"The expression '{MessageText.Quote(text.AsSpan(open))}' is not closed: end it with '}}}}'.", open, Open.Length);
    }

    private static ExpressionError TooLong(string text)
        => new($"The text is {text.Length} characters long; templates and expressions are limited to {MaxLength}.", 0, 0);
}
