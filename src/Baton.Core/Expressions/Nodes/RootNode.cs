using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

/// <summary>A name of the context: <c>inputs</c>, <c>steps</c>, <c>item</c>...</summary>
internal sealed class RootNode(string name, int start, int end) : ExpressionNode(start, end)
{
    public string Name { get; } = name;

    public override Value Evaluate(in EvalScope scope)
    {
        if (!scope.Context.TryGetRoot(Name, out var value))
        {
            throw new EvaluationFailure($"Unknown name '{Name}'");
        }

        return Value.FromNode(value, borrowed: true);
    }
}
