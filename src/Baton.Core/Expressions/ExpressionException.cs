namespace Baton.Expressions;

/// <summary>Thrown when an expression cannot be evaluated, for example when it compares a string with a number.</summary>
public sealed class ExpressionException(string message) : BatonException(message)
{
}
