namespace Baton.Expressions.Runtime;

/// <summary>What an expression is evaluated against: the context, and the element a projection (<c>.*</c>) is visiting.</summary>
internal readonly struct EvalScope(IExpressionContext context, Value item)
{
    public IExpressionContext Context { get; } = context;

    public Value Item { get; } = item;

    public EvalScope WithItem(Value item) => new(Context, item);
}
