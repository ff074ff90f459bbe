using System.Text.Json.Nodes;
using Baton.Expressions;

namespace Baton.Core.Tests.Expressions;

/// <summary>A context whose root <c>nested</c> is computed by rendering another template, as a lazy engine context might.</summary>
internal sealed class ReentrantContext(Template inner, IExpressionContext innerContext) : IExpressionContext
{
    public TimeProvider TimeProvider => innerContext.TimeProvider;

    public bool TryGetRoot(string name, out JsonNode? value)
    {
        value = name == "nested" ? JsonValue.Create(inner.EvaluateToString(innerContext)) : null;
        return name == "nested";
    }
}
