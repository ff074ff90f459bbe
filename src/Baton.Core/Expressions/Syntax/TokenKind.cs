namespace Baton.Expressions.Syntax;

internal enum TokenKind
{
    /// <summary>The end of the expression: <c>}}</c> in a template, or the end of a bare expression.</summary>
    End,
    Identifier,
    Number,
    String,
    Dot,
    Star,
    LeftBracket,
    RightBracket,
    LeftParen,
    RightParen,
    LeftBrace,
    RightBrace,
    Comma,
    Colon,
    Question,
    QuestionQuestion,
    Bang,
    BangEqual,
    EqualEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Plus,
    Minus,
    Slash,
    Percent,
    AmpersandAmpersand,
    PipePipe,

    /// <summary>Text that is not a token; <see cref="Token.Value"/> holds the error message.</summary>
    Invalid,
}
