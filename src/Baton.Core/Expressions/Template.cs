using System.Text.Json.Nodes;

namespace Baton.Expressions;

/// <summary>
/// A string of the workflow language that may contain <c>${{ expression }}</c> parts. Parsed once, evaluated many times.
/// </summary>
/// <remarks>
/// A template that is exactly one <c>${{ }}</c> and nothing else evaluates to the expression's typed value
/// (number, object, array...). Any other template evaluates to a string, with each expression's value
/// converted to text. Parsing never throws: syntax problems are reported in <see cref="Errors"/>.
/// </remarks>
public sealed partial class Template
{
    /// <summary>Parses a template such as <c>Hello ${{ inputs.name }}</c>.</summary>
    public static Template Parse(string text) => ParseTemplate(text);

    /// <summary>Parses a bare expression (no <c>${{ }}</c> around it), such as the value of <c>if:</c> or <c>when:</c>.</summary>
    /// <remarks>The result behaves as a single-expression template; error offsets refer to <paramref name="expression"/>.</remarks>
    public static Template ParseExpression(string expression) => ParseBare(expression);

    /// <summary>The source text.</summary>
    public string Text => _text;

    /// <summary>True when the text has no expression: it evaluates to itself.</summary>
    public bool IsLiteral => _isLiteral;

    /// <summary>True when the whole text is one expression, so that it evaluates to a typed value.</summary>
    public bool IsSingleExpression => _isSingleExpression;

    /// <summary>Syntax errors; empty when the template is valid.</summary>
    public IReadOnlyList<ExpressionError> Errors => _errors;

    /// <summary>Every access to a context name (<c>inputs</c>, <c>steps</c>, ...) with its static member path.</summary>
    public IReadOnlyList<ExpressionReference> References => _references;

    /// <summary>Evaluates the template.</summary>
    /// <exception cref="ExpressionException">The evaluation failed, for example comparing a string with a number.</exception>
    public JsonNode? Evaluate(IExpressionContext context) => EvaluateCore(context);

    /// <summary>Evaluates the template and converts the result to text, as string interpolation does.</summary>
    /// <exception cref="ExpressionException">The evaluation failed.</exception>
    public string EvaluateToString(IExpressionContext context) => EvaluateToStringCore(context);

    public override string ToString() => Text;
}
