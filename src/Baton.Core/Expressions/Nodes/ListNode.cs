using System.Text.Json.Nodes;
using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

/// <summary><c>[a, b, c]</c>.</summary>
internal sealed class ListNode(ExpressionNode[] items, int start, int end) : ExpressionNode(start, end, HeightOf(items))
{
    public IReadOnlyList<ExpressionNode> Items => items;

    public override Value Evaluate(in EvalScope scope)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            result.Add(item.Evaluate(scope).ToChild());
        }

        return Value.Owned(result);
    }
}
