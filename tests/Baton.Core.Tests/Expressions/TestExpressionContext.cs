using System.Text.Json.Nodes;
using Baton.Expressions;
using Baton.Testing;

namespace Baton.Core.Tests.Expressions;

/// <summary>An expression context over a JSON object: each property is a root name, detached as an engine's roots are.</summary>
internal sealed class TestExpressionContext : IExpressionContext
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);

    private readonly Dictionary<string, JsonNode?> _roots = new(StringComparer.Ordinal);

    public TestExpressionContext(string json = "{}")
    {
        var parsed = JsonNode.Parse(json)!.AsObject();
        foreach (var name in parsed.Select(p => p.Key).ToList())
        {
            var value = parsed[name];
            parsed.Remove(name);
            _roots[name] = value;
        }
    }

    public TimeProvider TimeProvider { get; } = new ManualTimeProvider(Now);

    public JsonNode? this[string name]
    {
        get => _roots[name];
        set => _roots[name] = value;
    }

    public bool TryGetRoot(string name, out JsonNode? value) => _roots.TryGetValue(name, out value);
}
