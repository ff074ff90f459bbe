using System.Text.Json.Nodes;
using Baton.Storage;

namespace Baton.Cli.Output;

/// <summary>What the AI steps of a run used: per step from its output, and totals for the run.</summary>
internal static class AIUsage
{
    private static readonly HashSet<string> Kinds = new(["llm", "classify", "agent"], StringComparer.Ordinal);

    /// <summary>True for a step whose output carries model usage (journal entries are counted in their step).</summary>
    public static bool IsAIStep(StepExecutionRecord step) => !step.IsJournalEntry && Kinds.Contains(step.Kind) && step.Output is JsonObject;

    /// <summary>The fields <c>--json</c> adds to an AI step: usage, costUsd, model, provider, confidence.</summary>
    public static void AddTo(JsonObject json, StepExecutionRecord step)
    {
        if (!IsAIStep(step))
        {
            return;
        }

        var output = (JsonObject)step.Output!;
        json["usage"] = output["usage"]?.DeepClone();
        json["costUsd"] = output["costUsd"]?.DeepClone();
        json["model"] = output["model"]?.DeepClone();
        json["provider"] = output["provider"]?.DeepClone();
        json["confidence"] = Confidence(output)?.DeepClone();
    }

    /// <summary>A classification's confidence, or the <c>confidence</c> field of an llm step's structured answer.</summary>
    public static JsonNode? Confidence(JsonObject output)
        => output["confidence"] ?? (output["value"] is JsonObject value && value["confidence"] is JsonValue number && number.GetValueKind() == System.Text.Json.JsonValueKind.Number ? number : null);

    /// <summary>The run's totals; null when no AI step ran.</summary>
    public static JsonObject? Totals(IEnumerable<StepExecutionRecord> steps)
    {
        var ai = steps.Where(IsAIStep).Select(s => (JsonObject)s.Output!).ToList();
        if (ai.Count == 0)
        {
            return null;
        }

        var costs = ai.Select(o => o["costUsd"]).Where(c => c is not null).Select(c => c!.GetValue<decimal>()).ToList();
        return new JsonObject
        {
            ["steps"] = ai.Count,
            ["inputTokens"] = ai.Sum(o => o["usage"]?["inputTokens"]?.GetValue<long>() ?? 0),
            ["outputTokens"] = ai.Sum(o => o["usage"]?["outputTokens"]?.GetValue<long>() ?? 0),
            ["costUsd"] = costs.Count == 0 ? null : JsonValue.Create(costs.Sum()),
            ["unpricedSteps"] = ai.Count - costs.Count,
        };
    }
}
