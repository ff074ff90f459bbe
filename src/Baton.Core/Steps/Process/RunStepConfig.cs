using System.Text.Json.Nodes;

namespace Baton.Steps;

/// <summary>The rendered configuration of one <c>run</c> attempt, checked field by field.</summary>
internal sealed record RunStepConfig(
    string Command,
    IReadOnlyList<string> Args,
    IReadOnlyList<KeyValuePair<string, string?>> Env,
    string? WorkingDir,
    string? Stdin,
    int MaxOutputBytes)
{
    public const int DefaultMaxOutputBytes = 1024 * 1024;

    /// <summary>1 GiB: captured output is held in memory and becomes one JSON string.</summary>
    public const int MaxMaxOutputBytes = 1024 * 1024 * 1024;

    private const string Kind = "run";

    private static readonly string[] KnownKeys = ["command", "args", "env", "working-dir", "stdin", "max-output-bytes"];

    public static RunStepConfig Parse(JsonNode? node)
    {
        var config = StepConfigReader.RequireObject(node, Kind, KnownKeys);
        var command = StepConfigReader.RequireString(config, "command", Kind);
        RejectNul(command, $"{Kind}.command");
        var workingDir = StepConfigReader.OptionalString(config, "working-dir", Kind);
        if (workingDir is not null)
        {
            RejectNul(workingDir, $"{Kind}.working-dir");
        }

        return new RunStepConfig(
            command,
            ParseArgs(config["args"]),
            ParseEnv(config["env"]),
            workingDir,
            ParseStdin(config["stdin"]),
            StepConfigReader.OptionalInteger(config, "max-output-bytes", Kind, DefaultMaxOutputBytes, 1, MaxMaxOutputBytes));
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

        var args = new List<string>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"{Kind}.args[{i}]";
            var text = StepConfigReader.AsScalarText(list[i], path)
                ?? throw StepConfigReader.Invalid($"{path} must be a string, not null.");
            RejectNul(text, path);
            args.Add(text);
        }

        return args;
    }

    /// <summary>Reads <c>env</c>. A null value means the variable is not set in the process, even if Baton's environment has it.</summary>
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
            var path = $"{Kind}.env.{name}";
            if (name.Length == 0 || name.AsSpan().IndexOfAny('=', '\0') >= 0)
            {
                throw StepConfigReader.Invalid($"{Kind}.env has an invalid variable name '{name}': it must be non-empty, without '=' or NUL.");
            }

            var text = StepConfigReader.AsScalarText(value, path);
            if (text is not null)
            {
                RejectNul(text, path);
            }

            result.Add(new(name, text));
        }

        return result;
    }

    /// <summary>Reads <c>stdin</c>: a string as it is; another value as its JSON text; null for none.</summary>
    private static string? ParseStdin(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(BatonJsonContext.NodeOptions),
    };

    private static void RejectNul(string text, string path)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw StepConfigReader.Invalid($"{path} must not contain NUL characters.");
        }
    }
}
