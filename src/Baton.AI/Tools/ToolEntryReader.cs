using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.AI.Tools;

/// <summary>Checks an agent's rendered <c>tools</c> list, entry by entry, before any MCP server is started.</summary>
internal static class ToolEntryReader
{
    private const string ListPath = "agent.tools";

    private static readonly string[] Kinds = ["http", "run", "workflow", "mcp"];

    /// <exception cref="ToolConfigurationException">An entry is invalid, or two tools have the same name.</exception>
    public static List<ToolEntry> Read(JsonArray tools, AgentToolEnvironment environment)
    {
        var entries = new List<ToolEntry>(tools.Count);
        for (var i = 0; i < tools.Count; i++)
        {
            entries.Add(ReadEntry(tools[i], $"{ListPath}[{i}]", environment));
        }

        CheckUniqueNames(entries);
        return entries;
    }

    private static ToolEntry ReadEntry(JsonNode? node, string path, AgentToolEnvironment environment)
    {
        if (node is not JsonObject entry)
        {
            throw new ToolConfigurationException($"{path} must be a mapping with one of the keys {string.Join(", ", Kinds)}, not {JsonKinds.Describe(node)}.");
        }

        var kinds = Kinds.Where(entry.ContainsKey).ToList();
        if (kinds.Count != 1)
        {
            throw new ToolConfigurationException(kinds.Count == 0
                ? $"{path} must have one of the keys {string.Join(", ", Kinds)}, which says what the tool calls."
                : $"{path} must have only one of the keys {string.Join(", ", Kinds)}, not {string.Join(" and ", kinds)}.");
        }

        var kind = kinds[0];
        if (kind == "mcp")
        {
            return ReadMcp(entry, path);
        }

        string[] knownKeys = ["name", "description", "parameters", kind];
        if (entry.Select(p => p.Key).FirstOrDefault(k => !knownKeys.Contains(k)) is { } unknown)
        {
            throw new ToolConfigurationException($"{path}.{unknown} is not a known key of {Article(kind)} tool; use: {string.Join(", ", knownKeys)}.");
        }

        var name = ReadName(entry, path, kind);
        var label = $"{path} ('{name}')";
        var description = ReadDescription(entry, label, kind);
        AgentTool tool = kind switch
        {
            "http" => ReadHttp(entry, label, name, description, environment),
            "run" => ReadRun(entry, label, name, description, environment),
            _ => ReadWorkflow(entry, label, name, description, environment),
        };
        return new ToolEntry(label, tool, null);
    }

    private static string ReadName(JsonObject entry, string path, string kind)
    {
        if (entry["name"] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            throw new ToolConfigurationException($"{path}.name is required for {Article(kind)} tool and must be a string, not {JsonKinds.Describe(entry["name"])}.");
        }

        var name = value.GetValue<string>();
        return ToolNames.IsValid(name)
            ? name
            : throw new ToolConfigurationException($"{path}.name '{name}' is not a valid tool name: {ToolNames.Rule}.");
    }

    private static string ReadDescription(JsonObject entry, string label, string kind)
    {
        if (entry["description"] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Trim().Length > 0)
        {
            return value.GetValue<string>();
        }

        throw new ToolConfigurationException(
            $"{label}: description is required for {Article(kind)} tool (the model reads it to decide when to call the tool), and must be a non-empty string, not {DescribeText(entry["description"])}.");
    }

    private static HttpAgentTool ReadHttp(JsonObject entry, string label, string name, string description, AgentToolEnvironment environment)
    {
        if (entry["http"] is JsonObject http && http.ContainsKey("body"))
        {
            throw new ToolConfigurationException($"{label}: http.body is not allowed on a tool: the model's arguments are the request's body (or its query, for GET and DELETE).");
        }

        var config = Guard(label, () => StepConfigReader.RequireObject(entry["http"], "http", ["method", "url", "headers", "query", "expect", "max-response-bytes"]));
        Guard(label, () => HttpStepConfig.Parse(config));
        var parameters = ToolParameters.Parse(entry["parameters"], $"{label}: parameters");
        return new HttpAgentTool(name, description, parameters, (JsonObject)config.DeepClone(), environment);
    }

    private static RunAgentTool ReadRun(JsonObject entry, string label, string name, string description, AgentToolEnvironment environment)
    {
        if (entry["run"] is JsonObject run && run.ContainsKey("stdin"))
        {
            throw new ToolConfigurationException($"{label}: run.stdin is not allowed on a tool: the model's arguments are the process's stdin.");
        }

        var config = Guard(label, () => StepConfigReader.RequireObject(entry["run"], "run", ["command", "args", "env", "working-dir", "max-output-bytes"]));
        Guard(label, () => RunStepConfig.Parse(config));
        var parameters = ToolParameters.Parse(entry["parameters"], $"{label}: parameters");
        return new RunAgentTool(name, description, parameters, (JsonObject)config.DeepClone(), environment);
    }

    private static WorkflowAgentTool ReadWorkflow(JsonObject entry, string label, string name, string description, AgentToolEnvironment environment)
    {
        var config = Guard(label, () => StepConfigReader.RequireObject(entry["workflow"], "workflow", ["path"]));
        var path = Guard(label, () => StepConfigReader.RequireString(config, "path", "workflow"));
        var host = environment.Workflows
            ?? throw new ToolConfigurationException($"{label}: workflow tools need a workflow host to start child runs, and this agent has none.");
        var parameters = entry["parameters"] is { } given
            ? ToolParameters.Parse(given, $"{label}: parameters")
            : ToolParameters.Parse(InputSchemaOf(host, path, label), $"{label}: the inputs schema of '{path}'");
        return new WorkflowAgentTool(name, description, parameters, path, host, environment.Logger);
    }

    private static JsonNode? InputSchemaOf(IWorkflowToolHost host, string path, string label)
    {
        try
        {
            return host.InputSchemaOf(path) is { } schema ? JsonNode.Parse(schema.GetRawText()) : null;
        }
        catch (BatonException ex) when (ex is not ToolConfigurationException)
        {
            throw new ToolConfigurationException($"{label}: {ex.Message}", ex);
        }
    }

    private static ToolEntry ReadMcp(JsonObject entry, string path)
    {
        if (entry.Select(p => p.Key).FirstOrDefault(k => k != "mcp") is { } extra)
        {
            throw new ToolConfigurationException(
                $"{path}.{extra} is not allowed on an mcp entry: the server gives its tools' names, descriptions and parameters; list the ones the agent may use in mcp.tools.");
        }

        var config = Guard(path, () => McpServerConfig.Parse(entry["mcp"]));
        return new ToolEntry($"{path} (MCP server '{config.Command}')", null, config);
    }

    private static void CheckUniqueNames(List<ToolEntry> entries)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var names = entry.Tool is { } tool ? [tool.Name] : entry.Mcp!.AllowedTools;
            foreach (var name in names)
            {
                if (!owners.TryAdd(name, entry.Label))
                {
                    throw new ToolConfigurationException(
                        $"{entry.Label}: the tool name '{name}' is already used by {owners[name]}; tool names must be unique within an agent.");
                }
            }
        }
    }

    private static string DescribeText(JsonNode? node)
        => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? "a blank string" : JsonKinds.Describe(node);

    private static string Article(string kind) => kind == "http" ? "an http" : $"a {kind}";

    /// <summary>Runs a check of the shared step-configuration reader and puts the entry's label in front of its message.</summary>
    private static T Guard<T>(string label, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (StepFailedException ex)
        {
            throw new ToolConfigurationException($"{label}: {ex.Message}", ex);
        }
    }
}
