using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.AI.Steps;

/// <summary>The rendered configuration of an <c>llm</c> or <c>classify</c> step.</summary>
internal sealed record LlmConfig
{
    private static readonly string[] LlmKeys = ["model", "system", "prompt", "temperature", "max-tokens", "output-schema", "repairs", "choices"];
    private static readonly string[] ClassifyKeys = ["model", "input", "choices", "instructions", "temperature"];

    public required string Model { get; init; }

    public string? System { get; init; }

    public required string Prompt { get; init; }

    public double? Temperature { get; init; }

    public int? MaxTokens { get; init; }

    public JsonObject? OutputSchema { get; init; }

    public int Repairs { get; init; } = 2;

    /// <summary>For classification: the labels to choose from.</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <exception cref="StepFailedException">With <c>config.invalid</c>: a field is missing or of the wrong kind.</exception>
    public static LlmConfig ParseLlm(JsonNode? node)
    {
        var config = StepConfigReader.RequireObject(node, "llm", LlmKeys);
        return new LlmConfig
        {
            Model = StepConfigReader.RequireString(config, "model", "llm.model"),
            System = StepConfigReader.OptionalString(config, "system", "llm.system"),
            Prompt = StepConfigReader.RequireString(config, "prompt", "llm.prompt"),
            Temperature = Number(config, "temperature", "llm.temperature", 0, 2),
            MaxTokens = config["max-tokens"] is null ? null : StepConfigReader.OptionalInteger(config, "max-tokens", "llm.max-tokens", 0, 1, 1_000_000),
            OutputSchema = config["output-schema"] switch
            {
                null => null,
                JsonObject schema => schema,
                var other => throw StepConfigReader.Invalid($"llm.output-schema must be a JSON Schema mapping, not {StepConfigReader.Describe(other)}."),
            },
            Repairs = StepConfigReader.OptionalInteger(config, "repairs", "llm.repairs", 2, 0, 5),
            Choices = ReadChoices(config, "llm.choices"),
        };
    }

    /// <exception cref="StepFailedException">With <c>config.invalid</c>.</exception>
    public static LlmConfig ParseClassify(JsonNode? node)
    {
        var config = StepConfigReader.RequireObject(node, "classify", ClassifyKeys);
        return new LlmConfig
        {
            Model = StepConfigReader.RequireString(config, "model", "classify.model"),
            System = StepConfigReader.OptionalString(config, "instructions", "classify.instructions"),
            Prompt = StepConfigReader.RequireString(config, "input", "classify.input"),
            Temperature = Number(config, "temperature", "classify.temperature", 0, 2),
            Choices = ReadChoices(config, "classify.choices") ?? throw StepConfigReader.Invalid("classify.choices is required: list the labels to choose from."),
        };
    }

    private static IReadOnlyList<string>? ReadChoices(JsonObject config, string path)
    {
        if (config["choices"] is null)
        {
            return null;
        }

        if (config["choices"] is not JsonArray list || list.Count < 2)
        {
            throw StepConfigReader.Invalid($"{path} must be a list of at least two labels.");
        }

        var labels = list.Select((item, i) => StepConfigReader.AsString(item, $"{path}[{i}]")).ToList();
        if (labels.Any(string.IsNullOrWhiteSpace) || labels.Distinct(StringComparer.OrdinalIgnoreCase).Count() != labels.Count)
        {
            throw StepConfigReader.Invalid($"{path} must hold distinct, non-empty labels.");
        }

        return labels;
    }

    private static double? Number(JsonObject config, string key, string path, double min, double max)
    {
        if (config[key] is not JsonValue value)
        {
            return config[key] is null ? null : throw StepConfigReader.Invalid($"{path} must be a number.");
        }

        if (!value.TryGetValue<double>(out var number) && !double.TryParse(value.ToJsonString(), global::System.Globalization.CultureInfo.InvariantCulture, out number))
        {
            throw StepConfigReader.Invalid($"{path} must be a number, not {StepConfigReader.DescribeValue(value)}.");
        }

        return number < min || number > max
            ? throw StepConfigReader.Invalid($"{path} must be between {min} and {max}, not {number}.")
            : number;
    }
}
