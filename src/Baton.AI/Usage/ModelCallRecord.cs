using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.AI.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Usage;

/// <summary>
/// The journal entry of one model call (kind <c>llm.call</c> or <c>agent.turn</c>): the recorded response, and what Baton
/// adds to it so that usage and cost can be summed from the journal alone, for failed and retried attempts too.
/// </summary>
internal static class ModelCallRecord
{
    public const string LlmCallKind = "llm.call";

    public const string AgentTurnKind = "agent.turn";

    private const string RequestedModelField = "requestedModel";
    private const string AliasField = "alias";
    private const string CostField = "costUsd";

    public static bool IsModelCall(string kind) => kind is LlmCallKind or AgentTurnKind;

    /// <summary>Adds the model the step asked for (<c>provider/model</c>, and its alias) and the call's cost (null without a price).</summary>
    public static void Stamp(JsonObject recorded, ModelSettings settings, UsageDetails? usage)
    {
        recorded[RequestedModelField] = settings.Model.ToString();
        if (settings.Alias is { } alias)
        {
            recorded[AliasField] = alias;
        }

        recorded[CostField] = settings.Price is { } price
            ? JsonValue.Create(price.Cost(usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0))
            : null;
    }

    public static long InputTokens(JsonNode? recorded) => Count(recorded?["usage"]?["inputTokens"]);

    public static long OutputTokens(JsonNode? recorded) => Count(recorded?["usage"]?["outputTokens"]);

    /// <summary>The call's cost; null when it had no price, or was recorded before calls carried their cost.</summary>
    public static decimal? CostUsd(JsonNode? recorded)
        => recorded?[CostField] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<decimal>() : null;

    /// <summary>The <c>provider/model</c> the step asked for; for calls recorded without it, the provider and model the response named.</summary>
    public static string? RequestedModel(JsonNode? recorded)
        => Text(recorded?[RequestedModelField])
            ?? (Text(recorded?["provider"]) is { } provider && Text(recorded?["modelId"]) is { } model ? $"{provider}/{model}" : null);

    public static string? Alias(JsonNode? recorded) => Text(recorded?[AliasField]);

    private static long Count(JsonNode? node) => node is JsonValue value && value.TryGetValue<long>(out var count) ? count : 0;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
