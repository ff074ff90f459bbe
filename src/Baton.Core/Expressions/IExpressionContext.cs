using System.Text.Json.Nodes;

namespace Baton.Expressions;

/// <summary>Supplies the names an expression can read (<c>inputs</c>, <c>vars</c>, <c>steps</c>, <c>env</c>, <c>secrets</c>, <c>item</c>, <c>index</c>).</summary>
/// <remarks>Values handed out are read-only to the evaluator: it never mutates them, and it clones a node before placing it in a new container.</remarks>
public interface IExpressionContext
{
    /// <summary>Looks up a root name. Returns false when the name is not defined here.</summary>
    bool TryGetRoot(string name, out JsonNode? value);

    /// <summary>The clock that <c>now()</c> reads.</summary>
    TimeProvider TimeProvider { get; }
}
