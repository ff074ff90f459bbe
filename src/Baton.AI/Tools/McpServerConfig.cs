using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.AI.Tools;

/// <summary>An <c>mcp</c> entry of an agent's tools: how to start the server, and which of its tools the agent may use.</summary>
internal sealed record McpServerConfig(
    string Command,
    IReadOnlyList<string> Args,
    IReadOnlyList<KeyValuePair<string, string?>> Env,
    string? WorkingDir,
    IReadOnlyList<string> AllowedTools)
{
    private const string Kind = "mcp";

    private static readonly string[] KnownKeys = ["command", "args", "env", "working-dir", "tools"];

    /// <exception cref="StepFailedException">With code <c>config.invalid</c>, naming the field (<c>mcp.tools[1]</c>).</exception>
    public static McpServerConfig Parse(JsonNode? node)
    {
        var config = StepConfigReader.RequireObject(node, Kind, KnownKeys);
        var command = NoNul(StepConfigReader.RequireString(config, "command", Kind), $"{Kind}.command");
        var workingDir = StepConfigReader.OptionalString(config, "working-dir", Kind);
        return new McpServerConfig(
            command,
            ParseArgs(config["args"]),
            ParseEnv(config["env"]),
            workingDir is null ? null : NoNul(workingDir, $"{Kind}.working-dir"),
            ParseAllowList(config));
    }

    private static List<string> ParseArgs(JsonNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray list)
        {
            throw StepConfigReader.Invalid($"{Kind}.args must be a list, not {StepConfigReader.Describe(node)}.");
        }

        return [.. list.Select((item, i) => NoNul(
            StepConfigReader.AsScalarText(item, $"{Kind}.args[{i}]") ?? throw StepConfigReader.Invalid($"{Kind}.args[{i}] must be a string, not null."),
            $"{Kind}.args[{i}]"))];
    }

    /// <summary>Reads <c>env</c>; a null value removes the variable from what the server inherits.</summary>
    private static List<KeyValuePair<string, string?>> ParseEnv(JsonNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonObject env)
        {
            throw StepConfigReader.Invalid($"{Kind}.env must be a mapping, not {StepConfigReader.Describe(node)}.");
        }

        var result = new List<KeyValuePair<string, string?>>();
        foreach (var (name, value) in env)
        {
            if (name.Length == 0 || name.AsSpan().IndexOfAny('=', '\0') >= 0)
            {
                throw StepConfigReader.Invalid($"{Kind}.env has an invalid variable name '{name}': it must be non-empty, without '=' or NUL.");
            }

            var text = StepConfigReader.AsScalarText(value, $"{Kind}.env.{name}");
            result.Add(new(name, text is null ? null : NoNul(text, $"{Kind}.env.{name}")));
        }

        return result;
    }

    private static List<string> ParseAllowList(JsonObject config)
    {
        if (config["tools"] is not JsonArray list || list.Count == 0)
        {
            throw StepConfigReader.Invalid(
                $"{Kind}.tools must list the server's tools the agent may use (the allow-list), such as [search_docs], not {StepConfigReader.Describe(config["tools"])}.");
        }

        var names = new List<string>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"{Kind}.tools[{i}]";
            var name = StepConfigReader.AsString(list[i], path);
            if (!ToolNames.IsValid(name))
            {
                throw StepConfigReader.Invalid($"{path} '{name}' is not a valid tool name: {ToolNames.Rule}.");
            }

            if (names.Contains(name, StringComparer.Ordinal))
            {
                throw StepConfigReader.Invalid($"{path} repeats '{name}'.");
            }

            names.Add(name);
        }

        return names;
    }

    private static string NoNul(string text, string path)
        => text.Contains('\0', StringComparison.Ordinal) ? throw StepConfigReader.Invalid($"{path} must not contain NUL characters.") : text;
}
