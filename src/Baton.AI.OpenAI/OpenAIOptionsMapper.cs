using System.Text.RegularExpressions;
using Baton.AI.Models;
using Microsoft.Extensions.AI;
using Sdk = OpenAI.Chat;

namespace Baton.AI.OpenAI;

/// <summary>Maps <see cref="ChatOptions"/> (with the model's defaults) to the OpenAI SDK's <see cref="Sdk.ChatCompletionOptions"/>.</summary>
internal static partial class OpenAIOptionsMapper
{
    private const int DefaultTopLogProbs = 5;

    private const int MaxTopLogProbs = 20;

    /// <param name="options">The call's options.</param>
    /// <param name="settings">The model's defaults.</param>
    /// <param name="provider">The provider's name, for messages.</param>
    /// <param name="alsoMaxTokens">Send the output cap as <c>max_tokens</c> too (see <see cref="OpenAIEndpoint.ReadsMaxCompletionTokensOnly"/>).</param>
    /// <param name="logProbs">Whether log-probabilities were asked for.</param>
    public static Sdk.ChatCompletionOptions ToSdk(ChatOptions? options, ModelSettings settings, string provider, bool alsoMaxTokens, out bool logProbs)
    {
        var maxTokens = options?.MaxOutputTokens ?? settings.MaxOutputTokens;
        var result = new Sdk.ChatCompletionOptions
        {
            Temperature = options?.Temperature ?? (float?)settings.Temperature,
            MaxOutputTokenCount = maxTokens,
            TopP = options?.TopP,
            FrequencyPenalty = options?.FrequencyPenalty,
            PresencePenalty = options?.PresencePenalty,
        };
        if (alsoMaxTokens && maxTokens is { } cap)
        {
            // The SDK writes only max_completion_tokens; its JSON patch adds a body property it has no setter for.
#pragma warning disable SCME0001 // JsonPatch is marked for evaluation; it is the SDK's one way to add a body property.
            result.Patch.Set("$.max_tokens"u8, cap);
#pragma warning restore SCME0001
        }

        foreach (var stop in options?.StopSequences ?? [])
        {
            result.StopSequences.Add(stop);
        }

        AddTools(result, options, provider);
        result.ResponseFormat = ResponseFormat(options?.ResponseFormat);
        logProbs = AddLogProbs(result, options);
        return result;
    }

    private static void AddTools(Sdk.ChatCompletionOptions result, ChatOptions? options, string provider)
    {
        if (options?.Tools is not { Count: > 0 } tools)
        {
            return;
        }

        foreach (var tool in tools)
        {
            if (tool is not AIFunctionDeclaration function)
            {
                throw new NotSupportedException($"The {provider} provider offers the model function tools only; '{tool.Name}' is a {tool.GetType().Name}.");
            }

            result.Tools.Add(Sdk.ChatTool.CreateFunctionTool(
                function.Name,
                function.Description,
                BinaryData.FromString(function.JsonSchema.GetRawText()),
                functionSchemaIsStrict: null));
        }

        result.ToolChoice = options.ToolMode switch
        {
            NoneChatToolMode => Sdk.ChatToolChoice.CreateNoneChoice(),
            RequiredChatToolMode { RequiredFunctionName: { } name } => Sdk.ChatToolChoice.CreateFunctionChoice(name),
            RequiredChatToolMode => Sdk.ChatToolChoice.CreateRequiredChoice(),
            AutoChatToolMode => Sdk.ChatToolChoice.CreateAutoChoice(),
            _ => null,
        };
        result.AllowParallelToolCalls = options.AllowMultipleToolCalls;
    }

    private static Sdk.ChatResponseFormat? ResponseFormat(ChatResponseFormat? format) => format switch
    {
        ChatResponseFormatJson { Schema: { } schema } json => Sdk.ChatResponseFormat.CreateJsonSchemaFormat(
            SchemaName(json.SchemaName),
            BinaryData.FromString(schema.GetRawText()),
            json.SchemaDescription,
            jsonSchemaIsStrict: false),
        ChatResponseFormatJson => Sdk.ChatResponseFormat.CreateJsonObjectFormat(),
        _ => null,
    };

    /// <summary>OpenAI takes 1 to 64 letters, digits, '_' and '-'.</summary>
    private static string SchemaName(string? name)
    {
        var cleaned = InvalidSchemaNameCharacters().Replace(name ?? "", "_");
        return cleaned.Length == 0 ? "output" : cleaned[..Math.Min(cleaned.Length, 64)];
    }

    private static bool AddLogProbs(Sdk.ChatCompletionOptions result, ChatOptions? options)
    {
        var properties = options?.AdditionalProperties;
        if (properties is null || !properties.TryGetValue(AIChatKeys.RequestLogProbs, out bool requested) || !requested)
        {
            return false;
        }

        var top = properties.TryGetValue(AIChatKeys.TopLogProbs, out int count) ? count : DefaultTopLogProbs;
        result.IncludeLogProbabilities = true;
        result.TopLogProbabilityCount = Math.Clamp(top, 0, MaxTopLogProbs);
        return true;
    }

    [GeneratedRegex("[^a-zA-Z0-9_-]")]
    private static partial Regex InvalidSchemaNameCharacters();
}
