using System.Text.Json.Nodes;
using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

/// <summary><c>{ name: value, 'other key': value }</c>. Keys are unique (the parser checks).</summary>
internal sealed class MappingNode(string[] keys, ExpressionNode[] values, int start, int end) : ExpressionNode(start, end, HeightOf(values))
{
    public IReadOnlyList<string> Keys => keys;

    public IReadOnlyList<ExpressionNode> Values => values;

    public override Value Evaluate(in EvalScope scope)
    {
        var result = new JsonObject();
        for (var i = 0; i < keys.Length; i++)
        {
            result.Add(keys[i], values[i].Evaluate(scope).ToChild());
        }

        return Value.Owned(result);
    }
}
