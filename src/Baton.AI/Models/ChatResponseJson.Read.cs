using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Baton.AI.Models;

public static partial class ChatResponseJson
{
    private static ChatResponse Read(JsonNode json)
    {
        var root = Object(json, "the response");
        var messages = Array(root["messages"], "messages");
        var response = new ChatResponse(messages.Select((m, i) => ReadMessage(m, $"messages[{i}]")).ToList())
        {
            ResponseId = OptionalString(root, "responseId", string.Empty),
            ConversationId = OptionalString(root, "conversationId", string.Empty),
            ModelId = OptionalString(root, "modelId", string.Empty),
            CreatedAt = OptionalTime(root, "createdAt", string.Empty),
            FinishReason = OptionalString(root, "finishReason", string.Empty) is { } reason ? new ChatFinishReason(reason) : null,
            Usage = root["usage"] is { } usage ? ReadUsage(Object(usage, "usage")) : null,
        };

        var extra = root["additionalProperties"] is { } additional ? Object(additional, "additionalProperties") : null;
        var provider = OptionalString(root, "provider", string.Empty);
        var logProbs = root["logprobs"] is { } probs ? ReadLogProbs(Array(probs, "logprobs")) : null;
        if (extra is not null || provider is not null || logProbs is not null)
        {
            response.AdditionalProperties = [];
            foreach (var (key, value) in extra ?? [])
            {
                response.AdditionalProperties[key] = JsonValues.ToElement(value);
            }

            if (provider is not null)
            {
                response.AdditionalProperties[AIChatKeys.Provider] = provider;
            }

            if (logProbs is not null)
            {
                response.AdditionalProperties[AIChatKeys.LogProbs] = logProbs;
            }
        }

        return response;
    }

    private static ChatMessage ReadMessage(JsonNode? json, string path)
    {
        var message = Object(json, path);
        var role = OptionalString(message, "role", path) ?? throw Bad($"{path}.role", "is required");
        var contents = Array(message["contents"], $"{path}.contents");
        return new ChatMessage(new ChatRole(role), contents.Select((c, i) => ReadContent(c, $"{path}.contents[{i}]")).ToList())
        {
            AuthorName = OptionalString(message, "authorName", path),
            MessageId = OptionalString(message, "messageId", path),
            CreatedAt = OptionalTime(message, "createdAt", path),
        };
    }

    private static AIContent ReadContent(JsonNode? json, string path)
    {
        var content = Object(json, path);
        var type = OptionalString(content, "type", path);
        return type switch
        {
            "text" => new TextContent(RequiredString(content, "text", path)),
            "reasoning" => new TextReasoningContent(RequiredString(content, "text", path))
            {
                ProtectedData = OptionalString(content, "protectedData", path),
            },
            "functionCall" => new FunctionCallContent(
                RequiredString(content, "callId", path),
                RequiredString(content, "name", path),
                content["arguments"] is { } arguments ? JsonValues.ToArguments(Object(arguments, $"{path}.arguments")) : null),
            "functionResult" => new FunctionResultContent(RequiredString(content, "callId", path), content["result"] is { } result ? JsonValues.ToElement(result) : null),
            "content" => content["value"].Deserialize<AIContent>(AIJsonUtilities.DefaultOptions) ?? throw Bad($"{path}.value", "is null"),
            _ => throw Bad($"{path}.type", $"is '{type}', which is not a content type (text, reasoning, functionCall, functionResult, content)"),
        };
    }

    private static UsageDetails ReadUsage(JsonObject json)
    {
        var usage = new UsageDetails
        {
            InputTokenCount = OptionalLong(json, "inputTokens", "usage"),
            OutputTokenCount = OptionalLong(json, "outputTokens", "usage"),
            TotalTokenCount = OptionalLong(json, "totalTokens", "usage"),
            CachedInputTokenCount = OptionalLong(json, "cachedInputTokens", "usage"),
            ReasoningTokenCount = OptionalLong(json, "reasoningTokens", "usage"),
        };
        if (json["additionalCounts"] is { } counts)
        {
            usage.AdditionalCounts = [];
            foreach (var (name, _) in Object(counts, "usage.additionalCounts"))
            {
                usage.AdditionalCounts[name] = OptionalLong((JsonObject)counts, name, "usage.additionalCounts") ?? 0;
            }
        }

        return usage;
    }

    private static List<TokenLogProb> ReadLogProbs(JsonArray json)
        => json.Select((item, i) =>
        {
            var path = $"logprobs[{i}]";
            var entry = Object(item, path);
            var top = entry["top"] is { } alternatives ? Array(alternatives, $"{path}.top") : [];
            return new TokenLogProb(
                RequiredString(entry, "token", path),
                RequiredDouble(entry, "logprob", path),
                top.Select((a, j) =>
                {
                    var alternative = Object(a, $"{path}.top[{j}]");
                    return new TokenAlternative(RequiredString(alternative, "token", $"{path}.top[{j}]"), RequiredDouble(alternative, "logprob", $"{path}.top[{j}]"));
                }).ToList());
        }).ToList();

    private static JsonObject Object(JsonNode? node, string path)
        => node as JsonObject ?? throw Bad(path, $"must be an object, not {JsonKinds.Describe(node)}");

    private static JsonArray Array(JsonNode? node, string path)
        => node as JsonArray ?? throw Bad(path, $"must be a list, not {JsonKinds.Describe(node)}");

    private static string? OptionalString(JsonObject json, string name, string path)
    {
        var node = json[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : throw Bad(Join(path, name), $"must be a string, not {JsonKinds.Describe(node)}");
    }

    private static string RequiredString(JsonObject json, string name, string path)
        => OptionalString(json, name, path) ?? throw Bad(Join(path, name), "is required");

    private static DateTimeOffset? OptionalTime(JsonObject json, string name, string path)
        => OptionalString(json, name, path) is { } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : throw Bad(Join(path, name), $"is '{text}', which is not a time")
            : null;

    private static long? OptionalLong(JsonObject json, string name, string path)
    {
        var node = json[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.Number && long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(Join(path, name), $"must be a whole number, not {node.ToJsonString()}");
    }

    private static double RequiredDouble(JsonObject json, string name, string path)
    {
        var node = json[name] ?? throw Bad(Join(path, name), "is required");
        var text = node.GetValueKind() switch
        {
            JsonValueKind.Number => node.ToJsonString(),
            JsonValueKind.String => node.GetValue<string>(),
            _ => null,
        };
        return text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(Join(path, name), $"must be a number, not {JsonKinds.Describe(node)}");
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static FormatException Bad(string path, string problem) => new($"The recorded model response cannot be read: {path} {problem}.");
}
