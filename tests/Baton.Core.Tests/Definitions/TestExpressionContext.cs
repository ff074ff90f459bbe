using System.Text.Json.Nodes;
using Baton.Expressions;

namespace Baton.Core.Tests.Definitions;

/// <summary>An expression context over fixed JSON roots, for rendering compiled templates in tests.</summary>
internal sealed class TestExpressionContext(JsonObject roots) : IExpressionContext
{
    public TimeProvider TimeProvider => TimeProvider.System;

    public bool TryGetRoot(string name, out JsonNode? value) => roots.TryGetPropertyValue(name, out value);
}
