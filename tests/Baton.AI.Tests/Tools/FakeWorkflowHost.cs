using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.AI.Tools;

namespace Baton.AI.Tests.Tools;

/// <summary>A workflow host that knows a few child workflows' input schemas and answers runs with a test's handler.</summary>
internal sealed class FakeWorkflowHost : IWorkflowToolHost
{
    public Dictionary<string, string?> InputSchemas { get; } = [];

    public List<(string Path, JsonObject Inputs, ToolInvocation Invocation)> Runs { get; } = [];

    public Func<JsonObject, CancellationToken, Task<JsonNode?>> Handler { get; set; } = (_, _) => Task.FromResult<JsonNode?>(null);

    public JsonElement? InputSchemaOf(string path)
    {
        var schema = InputSchemas.TryGetValue(path, out var json)
            ? json
            : throw new InvalidOperationException($"The test host knows no workflow '{path}'.");
        if (schema is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(schema);
        return document.RootElement.Clone();
    }

    public Task<JsonNode?> RunAsync(string path, JsonObject inputs, ToolInvocation invocation, CancellationToken cancellationToken)
    {
        lock (Runs)
        {
            Runs.Add((path, inputs, invocation));
        }

        return Handler(inputs, cancellationToken);
    }
}
