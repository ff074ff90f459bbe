using System.Text.Json;
using Baton.AI.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Scripted;

/// <summary>Turns a scripted response into the <see cref="ChatResponse"/> a real provider would give, with the defaults of docs/ai.md.</summary>
internal static class ScriptedAnswer
{
    private const int DefaultTopLogProbs = 5;

    /// <param name="response">The chosen response.</param>
    /// <param name="n">The call's number in the conversation, from 1.</param>
    /// <param name="conversation">The conversation's text, for the estimated input tokens.</param>
    public static ChatResponse Build(ScriptedResponse response, int n, string conversation, string modelName, ChatOptions? options)
    {
        var contents = new List<AIContent>();
        if (response.Text is not null)
        {
            contents.Add(new TextContent(response.Text));
        }

        var calls = response.ToolCalls
            .Select((c, i) => new FunctionCallContent($"call_{n}_{i + 1}", c.Name, JsonValues.ToArguments(c.Arguments)))
            .ToList();
        contents.AddRange(calls);

        var outputText = (response.Text ?? string.Empty) + string.Concat(response.ToolCalls.Select(c => c.Name + c.Arguments.ToJsonString()));
        var input = response.InputTokens ?? Estimate(conversation);
        var output = response.OutputTokens ?? Estimate(outputText);
        var result = new ChatResponse(new ChatMessage(ChatRole.Assistant, contents))
        {
            ResponseId = $"scripted-{n}",
            ModelId = response.Model ?? modelName,
            FinishReason = response.FinishReason is { } reason ? new ChatFinishReason(reason) : calls.Count > 0 ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output },
            AdditionalProperties = new() { [AIChatKeys.Provider] = ProviderDefaults.Scripted },
        };

        if (response.LogProbs is { } logProbs && Requested(options, out var top))
        {
            result.AdditionalProperties[AIChatKeys.LogProbs] = logProbs
                .Select(p => p with { TopAlternatives = p.TopAlternatives.Take(top).ToList() })
                .ToList();
        }

        return result;
    }

    /// <summary>Tokens estimated as characters / 4, rounded up: close enough to real tokenizers for budgets and costs in tests.</summary>
    private static long Estimate(string text) => (text.Length + 3) / 4;

    /// <summary>Whether the call asked for log-probabilities (real providers return them only when asked), and how many alternatives.</summary>
    private static bool Requested(ChatOptions? options, out int top)
    {
        top = DefaultTopLogProbs;
        var properties = options?.AdditionalProperties;
        if (properties is null || !properties.TryGetValue(AIChatKeys.RequestLogProbs, out var asked) || !IsTrue(asked))
        {
            return false;
        }

        if (properties.TryGetValue(AIChatKeys.TopLogProbs, out var count))
        {
            top = count switch
            {
                int i => Math.Max(0, i),
                long l => (int)Math.Clamp(l, 0, int.MaxValue),
                JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt32(out var i) => Math.Max(0, i),
                _ => DefaultTopLogProbs,
            };
        }

        return true;
    }

    private static bool IsTrue(object? value) => value is true || value is JsonElement { ValueKind: JsonValueKind.True };
}
