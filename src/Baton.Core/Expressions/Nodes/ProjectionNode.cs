using System.Text.Json.Nodes;
using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

/// <summary>
/// <c>source.*.rest</c>: evaluates <see cref="Body"/> (the <c>.rest</c> part) for every item of a list, or every value of a
/// mapping, and collects the results in a list. Null when the source is neither.
/// </summary>
internal sealed class ProjectionNode(ExpressionNode source, ExpressionNode body, int start, int end) : ExpressionNode(start, end, HeightOf(source, body))
{
    public ExpressionNode Source { get; } = source;

    public ExpressionNode Body { get; } = body;

    public override Value Evaluate(in EvalScope scope)
    {
        var source = Source.Evaluate(scope);
        if (source.Kind is not (ValueKind.List or ValueKind.Mapping))
        {
            return Value.Null;
        }

        var result = new JsonArray();
        switch (source.Kind)
        {
            case ValueKind.List:
                foreach (var item in source.GetList())
                {
                    result.Add(Body.Evaluate(scope.WithItem(Value.FromNode(item, borrowed: true))).ToChild());
                }

                break;
            default:
                foreach (var (_, item) in source.GetMapping())
                {
                    result.Add(Body.Evaluate(scope.WithItem(Value.FromNode(item, borrowed: true))).ToChild());
                }

                break;
        }

        return Value.Owned(result);
    }
}
