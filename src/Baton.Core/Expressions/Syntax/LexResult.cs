namespace Baton.Expressions.Syntax;

/// <summary>
/// The tokens of one expression. <see cref="Closed"/> is false when a template's <c>${{</c> has no matching
/// <c>}}</c>; <see cref="Next"/> is where the text after the expression starts.
/// </summary>
internal readonly record struct LexResult(List<Token> Tokens, bool Closed, int Next);
