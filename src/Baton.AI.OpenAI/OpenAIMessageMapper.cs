using Baton.AI.Models;
using Microsoft.Extensions.AI;
using Sdk = OpenAI.Chat;

namespace Baton.AI.OpenAI;

/// <summary>Maps Microsoft.Extensions.AI messages to the OpenAI SDK's: text, assistant tool calls, and tool results.</summary>
internal static class OpenAIMessageMapper
{
    public static List<Sdk.ChatMessage> ToSdk(IEnumerable<ChatMessage> messages, string? instructions)
    {
        var result = new List<Sdk.ChatMessage>();
        if (!string.IsNullOrEmpty(instructions))
        {
            result.Add(new Sdk.SystemChatMessage(instructions));
        }

        foreach (var message in messages)
        {
            Add(result, message);
        }

        return result;
    }

    private static void Add(List<Sdk.ChatMessage> result, ChatMessage message)
    {
        foreach (var content in message.Contents)
        {
            var allowed = content switch
            {
                TextContent => true,
                FunctionCallContent => message.Role == ChatRole.Assistant,
                FunctionResultContent => message.Role == ChatRole.Tool,
                _ => false,
            };
            if (!allowed)
            {
                throw new NotSupportedException(
                    $"An OpenAI chat message carries text, an assistant message function calls, and a tool message function results; a {message.Role} message carries a {content.GetType().Name}.");
            }
        }

        if (message.Role == ChatRole.System)
        {
            result.Add(new Sdk.SystemChatMessage(message.Text));
        }
        else if (message.Role == ChatRole.User)
        {
            result.Add(new Sdk.UserChatMessage(message.Text));
        }
        else if (message.Role == ChatRole.Assistant)
        {
            result.Add(Assistant(message));
        }
        else if (message.Role == ChatRole.Tool)
        {
            foreach (var functionResult in message.Contents.OfType<FunctionResultContent>())
            {
                result.Add(new Sdk.ToolChatMessage(functionResult.CallId, JsonValues.ToText(functionResult.Result)));
            }
        }
        else
        {
            throw new NotSupportedException($"An OpenAI chat message cannot have the role '{message.Role}'.");
        }
    }

    private static Sdk.AssistantChatMessage Assistant(ChatMessage message)
    {
        var calls = message.Contents.OfType<FunctionCallContent>()
            .Select(c => Sdk.ChatToolCall.CreateFunctionToolCall(c.CallId, c.Name, BinaryData.FromString(ToolArguments.Serialize(c.Arguments))))
            .ToList();
        if (calls.Count == 0)
        {
            return new Sdk.AssistantChatMessage(message.Text);
        }

        var assistant = new Sdk.AssistantChatMessage(calls);
        if (message.Text.Length > 0)
        {
            assistant.Content.Add(Sdk.ChatMessageContentPart.CreateTextPart(message.Text));
        }

        return assistant;
    }
}
