using System.ClientModel;
using System.Text.Json;
using Baton.AI.Http;
using Baton.AI.Models;
using Microsoft.Extensions.AI;
using Sdk = OpenAI.Chat;

namespace Baton.AI.OpenAI;

/// <summary>Maps an OpenAI chat completion to a <see cref="ChatResponse"/>; a completion without a choice is malformed.</summary>
internal static class OpenAIResponseMapper
{
    public static ChatResponse ToChatResponse(ClientResult<Sdk.ChatCompletion> result, string provider, ModelReference model, bool logProbsRequested)
    {
        if (Problem(result.GetRawResponse().Content) is { } problem)
        {
            throw ModelCallErrors.Malformed(provider, model, problem);
        }

        try
        {
            return Map(result.Value, provider, logProbsRequested);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            throw ModelCallErrors.Malformed(provider, model, "the chat completion has a field the SDK cannot read.", ex);
        }
    }

    private static ChatResponse Map(Sdk.ChatCompletion completion, string provider, bool logProbsRequested)
    {
        var contents = new List<AIContent>();
        var text = string.Concat(completion.Content.Where(p => p.Kind == Sdk.ChatMessageContentPartKind.Text).Select(p => p.Text));
        if (text.Length > 0)
        {
            contents.Add(new TextContent(text));
        }
        else if (!string.IsNullOrEmpty(completion.Refusal))
        {
            contents.Add(new TextContent(completion.Refusal));
        }

        foreach (var call in completion.ToolCalls)
        {
            contents.Add(new FunctionCallContent(call.Id, call.FunctionName, ToolArguments.Parse(call.FunctionArguments?.ToString())));
        }

        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, contents) { MessageId = completion.Id, RawRepresentation = completion })
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = FinishReason(completion.FinishReason),
            Usage = Usage(completion.Usage),
            RawRepresentation = completion,
            AdditionalProperties = new() { [AIChatKeys.Provider] = provider },
        };
        if (logProbsRequested && completion.ContentTokenLogProbabilities is { Count: > 0 } tokens)
        {
            response.AdditionalProperties[AIChatKeys.LogProbs] = tokens
                .Select(t => new TokenLogProb(t.Token, t.LogProbability, [.. t.TopLogProbabilities.Select(a => new TokenAlternative(a.Token, a.LogProbability))]))
                .ToList();
        }

        return response;
    }

    /// <summary>What is missing from the body for it to be a completion with a choice, or null when nothing is.</summary>
    private static string? Problem(BinaryData body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "the body is not a JSON object.";
            }

            if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
            {
                return "the body has no choices.";
            }

            var first = choices[0];
            return first.ValueKind == JsonValueKind.Object && first.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
                ? null
                : "the first choice has no message.";
        }
        catch (JsonException)
        {
            return "the body is not JSON.";
        }
    }

    private static ChatFinishReason FinishReason(Sdk.ChatFinishReason reason) => reason switch
    {
        Sdk.ChatFinishReason.Stop => ChatFinishReason.Stop,
        Sdk.ChatFinishReason.Length => ChatFinishReason.Length,
        Sdk.ChatFinishReason.ToolCalls or Sdk.ChatFinishReason.FunctionCall => ChatFinishReason.ToolCalls,
        Sdk.ChatFinishReason.ContentFilter => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(reason.ToString().ToLowerInvariant()),
    };

    private static UsageDetails? Usage(Sdk.ChatTokenUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
        CachedInputTokenCount = usage.InputTokenDetails?.CachedTokenCount,
        ReasoningTokenCount = usage.OutputTokenDetails?.ReasoningTokenCount,
    };
}
