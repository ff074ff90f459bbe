namespace Baton.Expressions;

/// <summary>A syntax error in a template. <see cref="Offset"/> and <see cref="Length"/> are in characters of <see cref="Template.Text"/>.</summary>
public readonly record struct ExpressionError(string Message, int Offset, int Length);
