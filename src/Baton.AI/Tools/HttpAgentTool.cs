using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baton.AI.Tools;

/// <summary>
/// An <c>http</c> tool: one request through the registered <c>http</c> executor per call. The model's arguments are the
/// query string for methods without a body (GET, DELETE, HEAD, OPTIONS), merged after the configured <c>query</c>
/// (a configured parameter wins over an argument of the same name), and the JSON body for the others.
/// </summary>
internal sealed class HttpAgentTool(
    string name, string description, ToolParameters parameters, JsonObject config, AgentToolEnvironment environment)
    : AgentTool(name, description, parameters, environment.Logger)
{
    private static readonly string[] QueryMethods = ["GET", "DELETE", "HEAD", "OPTIONS"];

    private readonly bool _argumentsInQuery = QueryMethods.Contains(
        config["method"] is JsonValue method && method.GetValueKind() == JsonValueKind.String ? method.GetValue<string>() : "GET",
        StringComparer.OrdinalIgnoreCase);

    protected override async Task<ToolResult> InvokeCoreAsync(JsonObject arguments, ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var request = (JsonObject)config.DeepClone();
        if (_argumentsInQuery)
        {
            request["query"] = MergeQuery(request["query"] as JsonObject, arguments);
        }
        else
        {
            request["body"] = arguments.DeepClone();
        }

        var outcome = await environment.Http.ExecuteAsync(new ToolStepContext(invocation, request, environment), cancellationToken).ConfigureAwait(false);
        return StepOutcomes.ToToolResult(outcome);
    }

    private static JsonObject MergeQuery(JsonObject? configured, JsonObject arguments)
    {
        var query = configured ?? [];
        foreach (var (name, value) in arguments)
        {
            if (!query.ContainsKey(name))
            {
                query[name] = value is JsonArray list ? new JsonArray([.. list.Select(ToQueryValue)]) : ToQueryValue(value);
            }
        }

        return query;
    }

    /// <summary>A scalar stays as it is (the executor writes it as text); an object or a list inside a list is sent as its JSON text.</summary>
    private static JsonNode? ToQueryValue(JsonNode? value) => value switch
    {
        null => null,
        JsonObject or JsonArray => JsonValue.Create(value.ToJsonString()),
        _ => value.DeepClone(),
    };
}
