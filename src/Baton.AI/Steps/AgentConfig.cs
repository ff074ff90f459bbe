using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Steps;

namespace Baton.AI.Steps;

/// <summary>The rendered configuration of an <c>agent</c> step.</summary>
internal sealed record AgentConfig
{
    private static readonly string[] Keys = ["model", "goal", "instructions", "tools", "max-iterations", "budget", "temperature", "max-tokens"];
    private static readonly string[] BudgetKeys = ["tokens", "usd", "time"];

    public required string Model { get; init; }

    public required string Goal { get; init; }

    public string? Instructions { get; init; }

    public required JsonArray Tools { get; init; }

    public int MaxIterations { get; init; } = 10;

    public long? TokenBudget { get; init; }

    public decimal? UsdBudget { get; init; }

    public TimeSpan? TimeBudget { get; init; }

    public double? Temperature { get; init; }

    public int? MaxTokens { get; init; }

    /// <exception cref="StepFailedException">With <c>config.invalid</c>.</exception>
    public static AgentConfig Parse(JsonNode? node)
    {
        var config = StepConfigReader.RequireObject(node, "agent", Keys);
        var budget = config["budget"] is null ? null : StepConfigReader.RequireObject(config["budget"], "agent.budget", BudgetKeys);
        TimeSpan? time = null;
        if (budget?["time"] is { } timeNode)
        {
            var text = StepConfigReader.AsString(timeNode, "agent.budget.time");
            time = Duration.TryParse(text, out var parsed) ? parsed : throw StepConfigReader.Invalid($"agent.budget.time must be a duration such as '2m', not '{text}'.");
        }

        return new AgentConfig
        {
            Model = StepConfigReader.RequireString(config, "model", "agent.model"),
            Goal = StepConfigReader.RequireString(config, "goal", "agent.goal"),
            Instructions = StepConfigReader.OptionalString(config, "instructions", "agent.instructions"),
            Tools = config["tools"] switch
            {
                null => [],
                JsonArray tools => tools,
                var other => throw StepConfigReader.Invalid($"agent.tools must be a list, not {StepConfigReader.Describe(other)}."),
            },
            MaxIterations = StepConfigReader.OptionalInteger(config, "max-iterations", "agent.max-iterations", 10, 1, 100),
            TokenBudget = budget?["tokens"] is null ? null : StepConfigReader.OptionalInteger(budget, "tokens", "agent.budget.tokens", 0, 1, int.MaxValue),
            UsdBudget = budget?["usd"] is JsonValue usd && usd.TryGetValue<decimal>(out var dollars) && dollars > 0
                ? dollars
                : budget?["usd"] is null ? null : throw StepConfigReader.Invalid("agent.budget.usd must be a positive number of US dollars."),
            TimeBudget = time,
            Temperature = config["temperature"] is JsonValue t && t.TryGetValue<double>(out var temperature) ? temperature : null,
            MaxTokens = config["max-tokens"] is null ? null : StepConfigReader.OptionalInteger(config, "max-tokens", "agent.max-tokens", 0, 1, 1_000_000),
        };
    }
}
