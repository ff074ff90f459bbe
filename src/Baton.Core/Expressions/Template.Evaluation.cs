using System.Text;
using System.Text.Json.Nodes;

namespace Baton.Expressions;

public sealed partial class Template
{
    private const int MaxCachedBuilder = 4096;

    [ThreadStatic]
    private static StringBuilder? t_builder;

    private JsonNode? EvaluateCore(IExpressionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ThrowIfInvalid();
        if (_single is not null)
        {
            return _single.EvaluateNode(context);
        }

        return JsonValue.Create(_isLiteral ? _text : Interpolate(context));
    }

    private string EvaluateToStringCore(IExpressionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ThrowIfInvalid();
        if (_single is not null)
        {
            return _single.EvaluateText(context);
        }

        return _isLiteral ? _text : Interpolate(context);
    }

    private void ThrowIfInvalid()
    {
        if (_errors.Length > 0)
        {
            throw new ExpressionException($"The template '{MessageText.Quote(_text, 120)}' cannot be evaluated: {_errors[0].Message}");
        }
    }

    private string Interpolate(IExpressionContext context)
    {
        // The builder is taken from the thread while in use, so that a nested evaluation on the same thread gets its own.
        var builder = t_builder ?? new StringBuilder();
        t_builder = null;
        builder.Clear();
        foreach (var part in _parts)
        {
            if (part.Expression is { } expression)
            {
                expression.AppendText(builder, context);
            }
            else
            {
                builder.Append(part.Literal);
            }
        }

        var result = builder.ToString();
        if (builder.Capacity <= MaxCachedBuilder)
        {
            t_builder = builder;
        }

        return result;
    }
}
