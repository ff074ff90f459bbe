namespace Baton.Expressions.Syntax;

/// <summary>Stops the parser at the first syntax error of an expression; the template records the error and goes on.</summary>
internal sealed class ParseFailure(ExpressionError error) : Exception(error.Message)
{
    public ExpressionError Error { get; } = error;
}
