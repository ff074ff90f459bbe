using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

/// <summary>An integer literal beyond 2^53, kept as its JSON text so that it is not rounded to a double.</summary>
internal sealed class ExactNumberNode(JsonElement element, int start, int end) : ExpressionNode(start, end)
{
    public override Value Evaluate(in EvalScope scope) => Value.Owned(JsonValue.Create(element));
}
