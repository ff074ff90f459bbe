using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

/// <summary>The element a projection is visiting: the start of the chain after <c>.*</c>.</summary>
internal sealed class ProjectionItemNode(int start) : ExpressionNode(start, start)
{
    public override Value Evaluate(in EvalScope scope) => scope.Item;
}
