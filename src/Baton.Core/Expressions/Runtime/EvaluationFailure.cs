namespace Baton.Expressions.Runtime;

/// <summary>
/// An evaluation error inside one expression. The template turns it into an <see cref="ExpressionException"/>
/// whose message also quotes the expression's text.
/// </summary>
internal sealed class EvaluationFailure(string message) : Exception(message)
{
}
