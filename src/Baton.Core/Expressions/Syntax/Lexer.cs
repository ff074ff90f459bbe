using System.Globalization;
using System.Text;

namespace Baton.Expressions.Syntax;

/// <summary>
/// Splits one expression into tokens. In a template it stops at the <c>}}</c> that closes the expression:
/// the first <c>}}</c> outside strings and outside mapping braces that the expression opened.
/// </summary>
internal sealed class Lexer
{
    private readonly string _text;
    private readonly bool _inTemplate;
    private readonly List<Token> _tokens = [];
    private int _position;
    private int _braceDepth;

    private Lexer(string text, int start, bool inTemplate)
    {
        _text = text;
        _position = start;
        _inTemplate = inTemplate;
    }

    /// <summary>Lexes from <paramref name="start"/>: up to the closing <c>}}</c> in a template, else to the end of the text.</summary>
    public static LexResult Lex(string text, int start, bool inTemplate) => new Lexer(text, start, inTemplate).Run();

    private LexResult Run()
    {
        while (true)
        {
            SkipWhitespace();
            if (_position >= _text.Length)
            {
                if (_inTemplate)
                {
                    return new LexResult(_tokens, Closed: false, _text.Length);
                }

                _tokens.Add(new Token(TokenKind.End, _text.Length, 0));
                return new LexResult(_tokens, Closed: true, _text.Length);
            }

            var c = _text[_position];
            if (c == '}' && _inTemplate && _braceDepth == 0 && Peek(1) == '}')
            {
                _tokens.Add(new Token(TokenKind.End, _position, 2));
                return new LexResult(_tokens, Closed: true, _position + 2);
            }

            _tokens.Add(Next(c));
        }
    }

    private Token Next(char c)
    {
        if (char.IsAsciiLetter(c) || c == '_')
        {
            return Identifier();
        }

        if (char.IsAsciiDigit(c))
        {
            return Number();
        }

        return c switch
        {
            '\'' or '"' => String(c),
            '.' => Single(TokenKind.Dot),
            '*' => Single(TokenKind.Star),
            '[' => Single(TokenKind.LeftBracket),
            ']' => Single(TokenKind.RightBracket),
            '(' => Single(TokenKind.LeftParen),
            ')' => Single(TokenKind.RightParen),
            '{' => OpenBrace(),
            '}' => CloseBrace(),
            ',' => Single(TokenKind.Comma),
            ':' => Single(TokenKind.Colon),
            '+' => Single(TokenKind.Plus),
            '-' => Single(TokenKind.Minus),
            '/' => Single(TokenKind.Slash),
            '%' => Single(TokenKind.Percent),
            '?' => Peek(1) == '?' ? Double(TokenKind.QuestionQuestion) : Single(TokenKind.Question),
            '!' => Peek(1) == '=' ? Double(TokenKind.BangEqual) : Single(TokenKind.Bang),
            '<' => Peek(1) == '=' ? Double(TokenKind.LessEqual) : Single(TokenKind.Less),
            '>' => Peek(1) == '=' ? Double(TokenKind.GreaterEqual) : Single(TokenKind.Greater),
            '=' => Peek(1) == '=' ? Double(TokenKind.EqualEqual) : Invalid(1, "Unexpected '='. Use '==' to compare two values."),
            '&' => Peek(1) == '&' ? Double(TokenKind.AmpersandAmpersand) : Invalid(1, "Unexpected '&'. Use '&&' for 'and'."),
            '|' => Peek(1) == '|' ? Double(TokenKind.PipePipe) : Invalid(1, "Unexpected '|'. Use '||' for 'or'."),
            _ => InvalidCharacter(),
        };
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n')
        {
            _position++;
        }
    }

    private char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private Token Single(TokenKind kind) => Take(kind, 1);

    private Token Double(TokenKind kind) => Take(kind, 2);

    private Token Take(TokenKind kind, int length, string? value = null, double number = 0)
    {
        var token = new Token(kind, _position, length, value, number);
        _position += length;
        return token;
    }

    private Token Invalid(int length, string message) => Take(TokenKind.Invalid, length, message);

    private Token OpenBrace()
    {
        _braceDepth++;
        return Single(TokenKind.LeftBrace);
    }

    private Token CloseBrace()
    {
        if (_braceDepth > 0)
        {
            _braceDepth--;
        }

        return Single(TokenKind.RightBrace);
    }

    private Token InvalidCharacter()
    {
        var length = char.IsHighSurrogate(_text[_position]) && char.IsLowSurrogate(Peek(1)) ? 2 : 1;
        var shown = char.IsControl(_text[_position]) ? $"U+{(int)_text[_position]:X4}" : _text.Substring(_position, length);
        return Invalid(length, $"Unexpected character '{shown}' in the expression.");
    }

    // Names may contain '-' (step ids do), but not end with it, so that 'a- b' is still a subtraction.
    private Token Identifier()
    {
        var start = _position;
        var end = start + 1;
        while (end < _text.Length && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] is '_' or '-'))
        {
            end++;
        }

        while (_text[end - 1] == '-')
        {
            end--;
        }

        return Take(TokenKind.Identifier, end - start, _text[start..end]);
    }

    private Token Number()
    {
        var start = _position;
        var end = SkipDigits(start);
        if (end + 1 < _text.Length && _text[end] == '.' && char.IsAsciiDigit(_text[end + 1]))
        {
            end = SkipDigits(end + 1);
        }

        if (end < _text.Length && _text[end] is 'e' or 'E')
        {
            var exponent = end + 1;
            if (exponent < _text.Length && _text[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < _text.Length && char.IsAsciiDigit(_text[exponent]))
            {
                end = SkipDigits(exponent);
            }
        }

        if (end < _text.Length && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] == '_'))
        {
            while (end < _text.Length && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] is '_' or '.'))
            {
                end++;
            }

            return Invalid(end - start, $"Invalid number '{MessageText.Quote(_text.AsSpan(start, end - start))}'.");
        }

        var source = _text[start..end];
        var value = double.Parse(source, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            return Invalid(end - start, $"The number '{MessageText.Quote(source)}' is too large.");
        }

        return Take(TokenKind.Number, end - start, source, value);
    }

    private int SkipDigits(int index)
    {
        while (index < _text.Length && char.IsAsciiDigit(_text[index]))
        {
            index++;
        }

        return index;
    }

    // 'it''s' and "say \"hi\"" escape their quote; a double-quoted string also reads '\\' as one backslash.
    private Token String(char quote)
    {
        var start = _position;
        var index = start + 1;
        StringBuilder? builder = null;
        var runStart = index;
        while (index < _text.Length)
        {
            var c = _text[index];
            var escaped = quote == '\'' ? c == '\'' && index + 1 < _text.Length && _text[index + 1] == '\''
                : c == '\\' && index + 1 < _text.Length && _text[index + 1] is '"' or '\\';
            if (escaped)
            {
                builder ??= new StringBuilder();
                builder.Append(_text, runStart, index - runStart).Append(_text[index + 1]);
                index += 2;
                runStart = index;
                continue;
            }

            if (c == quote)
            {
                var value = builder is null ? _text[runStart..index] : builder.Append(_text, runStart, index - runStart).ToString();
                return Take(TokenKind.String, index + 1 - start, value);
            }

            index++;
        }

        var shown = MessageText.Quote(_text.AsSpan(start), 20);
        return Invalid(_text.Length - start, $"The string {shown} is not closed: end it with {quote}.");
    }
}
