using System.Text;
using Baton.AI.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Scripted;

/// <summary>The text a scripted response's <c>when</c> is matched against: the instructions and every message's text, tool calls and tool results.</summary>
internal static class ScriptedConversation
{
    public static string Text(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var text = new StringBuilder();
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            text.Append(instructions).Append('\n');
        }

        foreach (var content in messages.SelectMany(m => m.Contents))
        {
            var part = content switch
            {
                TextContent plain => plain.Text,
                TextReasoningContent reasoning => reasoning.Text,
                FunctionCallContent call => $"{call.Name} {JsonValues.ToNode(call.Arguments)?.ToJsonString()}",
                FunctionResultContent result => JsonValues.ToText(result.Result),
                _ => null,
            };
            if (!string.IsNullOrEmpty(part))
            {
                text.Append(part).Append('\n');
            }
        }

        return text.ToString();
    }
}
