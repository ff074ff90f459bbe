using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

/// <summary>A node of a parsed expression. <see cref="Start"/> and <see cref="End"/> are offsets in the template text.</summary>
internal abstract class ExpressionNode(int start, int end, int height = 1)
{
    public int Start { get; } = start;

    public int End { get; } = end;

    /// <summary>The depth of the tree under this node, which bounds the recursion of evaluation.</summary>
    public int Height { get; } = height;

    public abstract Value Evaluate(in EvalScope scope);

    protected static int HeightOf(params ReadOnlySpan<ExpressionNode> children)
    {
        var height = 0;
        foreach (var child in children)
        {
            height = Math.Max(height, child.Height);
        }

        return height + 1;
    }
}
