using Baton.Expressions.Runtime;

namespace Baton.Expressions.Nodes;

/// <summary><c>target.name</c>, or <c>target['name']</c>: null when the target is not a mapping or lacks the key.</summary>
internal sealed class MemberNode(ExpressionNode target, string name, int start, int end) : ExpressionNode(start, end, HeightOf(target))
{
    public ExpressionNode Target { get; } = target;

    public string Name { get; } = name;

    public override Value Evaluate(in EvalScope scope) => Read(Target.Evaluate(scope), Name);

    public static Value Read(in Value target, string name)
    {
        if (target.Kind == ValueKind.Mapping && target.GetMapping().TryGetPropertyValue(name, out var member))
        {
            return Value.FromNode(member, borrowed: true);
        }

        return Value.Null;
    }
}
