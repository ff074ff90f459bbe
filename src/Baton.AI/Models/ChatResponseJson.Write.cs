using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Baton.AI.Models;

public static partial class ChatResponseJson
{
    private static JsonObject UsageToJson(UsageDetails usage)
    {
        var json = new JsonObject();
        AddCount(json, "inputTokens", usage.InputTokenCount);
        AddCount(json, "outputTokens", usage.OutputTokenCount);
        AddCount(json, "totalTokens", usage.TotalTokenCount);
        AddCount(json, "cachedInputTokens", usage.CachedInputTokenCount);
        AddCount(json, "reasoningTokens", usage.ReasoningTokenCount);
        if (usage.AdditionalCounts is { Count: > 0 } counts)
        {
            json["additionalCounts"] = new JsonObject(counts.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)JsonValue.Create(c.Value))));
        }

        return json;
    }

    private static void AddCount(JsonObject json, string name, long? value)
    {
        if (value is not null)
        {
            json[name] = value.Value;
        }
    }

    private static JsonArray LogProbsToJson(IEnumerable<TokenLogProb> logProbs)
        => new(logProbs.Select(p => (JsonNode)new JsonObject
        {
            ["token"] = p.Token,
            ["logprob"] = Number(p.LogProb),
            ["top"] = new JsonArray((p.TopAlternatives ?? []).Select(a => (JsonNode)new JsonObject
            {
                ["token"] = a.Token,
                ["logprob"] = Number(a.LogProb),
            }).ToArray()),
        }).ToArray());

    /// <summary>A log-probability as JSON; JSON has no infinity, and a token the model could not have chosen is written as a string.</summary>
    private static JsonNode Number(double value)
        => double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(value.ToString(CultureInfo.InvariantCulture));

    private static JsonObject MessageToJson(ChatMessage message)
    {
        var json = new JsonObject { ["role"] = message.Role.Value };
        Add(json, "authorName", message.AuthorName);
        Add(json, "messageId", message.MessageId);
        Add(json, "createdAt", message.CreatedAt?.ToString("O", CultureInfo.InvariantCulture));
        json["contents"] = new JsonArray(message.Contents.Select(ContentToJson).OfType<JsonNode>().ToArray());
        return json;
    }

    private static JsonObject? ContentToJson(AIContent content) => content switch
    {
        TextContent text => new JsonObject { ["type"] = "text", ["text"] = text.Text },
        TextReasoningContent reasoning => Reasoning(reasoning),
        FunctionCallContent call => new JsonObject
        {
            ["type"] = "functionCall",
            ["callId"] = call.CallId,
            ["name"] = call.Name,
            ["arguments"] = call.Arguments is null ? null : JsonValues.ToNode(call.Arguments),
        },
        FunctionResultContent result => new JsonObject
        {
            ["type"] = "functionResult",
            ["callId"] = result.CallId,
            ["result"] = JsonValues.ToNode(result.Result),
        },
        _ => OtherContent(content),
    };

    private static JsonObject Reasoning(TextReasoningContent reasoning)
    {
        var json = new JsonObject { ["type"] = "reasoning", ["text"] = reasoning.Text };
        Add(json, "protectedData", reasoning.ProtectedData);
        return json;
    }

    private static JsonObject? OtherContent(AIContent content)
    {
        try
        {
            return new JsonObject { ["type"] = "content", ["value"] = JsonSerializer.SerializeToNode(content, AIJsonUtilities.DefaultOptions) };
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            // A content kind the library cannot serialize (a custom subclass) carries nothing a replay needs.
            return null;
        }
    }
}
