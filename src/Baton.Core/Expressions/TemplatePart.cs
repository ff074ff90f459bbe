namespace Baton.Expressions;

/// <summary>A piece of an interpolated template: literal text, or an expression.</summary>
internal readonly record struct TemplatePart(string? Literal, ExpressionPart? Expression);
