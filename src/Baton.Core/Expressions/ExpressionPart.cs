using System.Text;
using System.Text.Json.Nodes;
using Baton.Expressions.Nodes;
using Baton.Expressions.Runtime;

namespace Baton.Expressions;

/// <summary>One parsed <c>${{ }}</c> of a template (or a bare expression), with its source text for error messages.</summary>
internal sealed class ExpressionPart(ExpressionNode root, string source)
{
    private const int QuotedLength = 120;

    public ExpressionNode Root { get; } = root;

    /// <summary>The expression's text, without the <c>${{ }}</c> around it.</summary>
    public string Source { get; } = source;

    public JsonNode? EvaluateNode(IExpressionContext context)
    {
        try
        {
            return Root.Evaluate(new EvalScope(context, Value.Null)).ToResult();
        }
        catch (Exception e) when (e is not ExpressionException)
        {
            throw Wrap(e);
        }
    }

    public string EvaluateText(IExpressionContext context)
    {
        try
        {
            return ValueText.ToText(Root.Evaluate(new EvalScope(context, Value.Null)));
        }
        catch (Exception e) when (e is not ExpressionException)
        {
            throw Wrap(e);
        }
    }

    public void AppendText(StringBuilder builder, IExpressionContext context)
    {
        try
        {
            ValueText.Append(builder, Root.Evaluate(new EvalScope(context, Value.Null)));
        }
        catch (Exception e) when (e is not ExpressionException)
        {
            throw Wrap(e);
        }
    }

    // Every failure leaves as an ExpressionException that quotes the expression; values are never quoted, as they may be secrets.
    private ExpressionException Wrap(Exception e)
    {
        var quoted = MessageText.Quote(Source, QuotedLength);
        return e is EvaluationFailure
            ? new ExpressionException($"{e.Message} in '{quoted}'.")
            : new ExpressionException($"Evaluating '{quoted}' failed: {e.Message}");
    }
}
