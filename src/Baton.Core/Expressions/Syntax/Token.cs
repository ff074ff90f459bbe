namespace Baton.Expressions.Syntax;

/// <summary>
/// One token. <see cref="Value"/> is the name of an identifier, the decoded text of a string, the source text
/// of a number, or the error message of an invalid token; <see cref="Number"/> is a number's value.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, string? Value = null, double Number = 0)
{
    public int End => Start + Length;
}
