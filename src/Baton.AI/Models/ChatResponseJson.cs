using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Baton.AI.Models;

/// <summary>
/// Converts a <see cref="ChatResponse"/> to JSON and back, so that a recorded model call can be replayed after a crash
/// instead of being sent (and paid for) again.
/// </summary>
/// <remarks>
/// Kept: the messages (role, author, id, and their text, reasoning, function calls and function results), the usage counts,
/// the response, conversation and model ids, the creation time, the finish reason, Baton's token log-probabilities
/// (<see cref="AIChatKeys.LogProbs"/>) and provider name (<see cref="AIChatKeys.Provider"/>), and other additional properties
/// that are plain JSON values. Dropped: raw provider objects. The format is Baton's own, so that stored calls survive
/// upgrades of Microsoft.Extensions.AI; other content kinds are kept in that library's own JSON form.
/// </remarks>
public static partial class ChatResponseJson
{
    /// <summary>The response as a JSON object; see the remarks of <see cref="ChatResponseJson"/> for what is kept.</summary>
    public static JsonObject ToJson(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var json = new JsonObject();
        Add(json, "responseId", response.ResponseId);
        Add(json, "conversationId", response.ConversationId);
        Add(json, "modelId", response.ModelId);
        Add(json, "createdAt", response.CreatedAt?.ToString("O", CultureInfo.InvariantCulture));
        Add(json, "finishReason", response.FinishReason?.Value);
        if (response.Usage is { } usage)
        {
            json["usage"] = UsageToJson(usage);
        }

        var extra = new JsonObject();
        foreach (var (key, value) in response.AdditionalProperties ?? [])
        {
            switch (key)
            {
                case AIChatKeys.Provider when value is string provider:
                    json["provider"] = provider;
                    break;
                case AIChatKeys.LogProbs when value is IEnumerable<TokenLogProb> logProbs:
                    json["logprobs"] = LogProbsToJson(logProbs);
                    break;
                default:
                    if (PlainValue(value) is { } plain)
                    {
                        extra[key] = plain;
                    }

                    break;
            }
        }

        if (extra.Count > 0)
        {
            json["additionalProperties"] = extra;
        }

        json["messages"] = new JsonArray(response.Messages.Select(m => (JsonNode)MessageToJson(m)).ToArray());
        return json;
    }

    /// <summary>The response that <see cref="ToJson"/> wrote.</summary>
    /// <exception cref="FormatException">The JSON is not such a response; the message says which part is wrong.</exception>
    public static ChatResponse FromJson(JsonNode json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return Read(json);
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException or ArgumentException or NotSupportedException)
        {
            throw new FormatException($"The recorded model response cannot be read: {ex.Message}", ex);
        }
    }

    private static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    /// <summary>Strings, numbers, booleans and JSON values; null for anything that is not plainly JSON.</summary>
    private static JsonNode? PlainValue(object? value) => value switch
    {
        string or bool or int or long or double or decimal or JsonElement or JsonNode => JsonValues.ToNode(value),
        _ => null,
    };
}
