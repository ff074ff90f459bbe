using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Baton.Testing.Models;

/// <summary>
/// A loopback server for OpenAI's Chat Completions API: <c>POST /v1/chat/completions</c> (and <c>/chat/completions</c>),
/// answering with <c>chat.completion</c> objects, tool calls, <c>logprobs</c>, <c>usage</c> and OpenAI's error shape.
/// </summary>
/// <remarks><see cref="LoopbackModelServer.BaseUrl"/> ends in <c>/v1/</c>, as the SDK's endpoint does.</remarks>
public sealed class LoopbackOpenAIServer : LoopbackModelServer
{
    private LoopbackOpenAIServer()
    {
    }

    /// <inheritdoc/>
    protected override IReadOnlyCollection<string> Paths { get; } = ["/v1/chat/completions", "/chat/completions"];

    /// <inheritdoc/>
    protected override string BasePath => "v1/";

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<LoopbackOpenAIServer> StartAsync()
    {
        var server = new LoopbackOpenAIServer();
        await server.StartCoreAsync().ConfigureAwait(false);
        return server;
    }

    /// <inheritdoc/>
    protected override Task WriteCompletionAsync(HttpResponse response, RecordedModelRequest request, ModelReply reply, int sequence)
    {
        response.Headers["x-request-id"] = $"req_{sequence}";
        return WriteJsonAsync(response, json =>
        {
            json.WriteStartObject();
            json.WriteString("id", reply.Id ?? $"chatcmpl-{sequence}");
            json.WriteString("object", "chat.completion");
            json.WriteNumber("created", 1767258000);
            json.WriteString("model", reply.Model ?? request.Model ?? "unknown");
            json.WriteStartArray("choices");
            json.WriteStartObject();
            json.WriteNumber("index", 0);
            WriteMessage(json, reply);
            WriteLogProbs(json, reply.LogProbs);
            json.WriteString("finish_reason", reply.FinishReason ?? (reply.ToolCalls.Count > 0 ? "tool_calls" : "stop"));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("usage");
            json.WriteNumber("prompt_tokens", reply.InputTokens);
            json.WriteNumber("completion_tokens", reply.OutputTokens);
            json.WriteNumber("total_tokens", reply.InputTokens + reply.OutputTokens);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    /// <inheritdoc/>
    protected override string ErrorBody(int status, string message)
    {
        var type = status switch
        {
            401 => "invalid_authentication",
            429 => "rate_limit_exceeded",
            >= 500 => "server_error",
            _ => "invalid_request_error",
        };
        return JsonSerializer.Serialize(new { error = new { message, type, param = (string?)null, code = (string?)null } });
    }

    private static void WriteMessage(Utf8JsonWriter json, ModelReply reply)
    {
        json.WriteStartObject("message");
        json.WriteString("role", "assistant");
        json.WriteString("content", reply.Text);
        json.WriteNull("refusal");
        if (reply.ToolCalls.Count > 0)
        {
            json.WriteStartArray("tool_calls");
            foreach (var call in reply.ToolCalls)
            {
                json.WriteStartObject();
                json.WriteString("id", call.Id);
                json.WriteString("type", "function");
                json.WriteStartObject("function");
                json.WriteString("name", call.Name);
                json.WriteString("arguments", call.ArgumentsJson);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteLogProbs(Utf8JsonWriter json, IReadOnlyList<ModelReplyLogProb>? logProbs)
    {
        if (logProbs is null)
        {
            json.WriteNull("logprobs");
            return;
        }

        json.WriteStartObject("logprobs");
        json.WriteStartArray("content");
        foreach (var token in logProbs)
        {
            json.WriteStartObject();
            WriteToken(json, token);
            json.WriteStartArray("top_logprobs");
            foreach (var alternative in token.TopAlternatives ?? [token])
            {
                json.WriteStartObject();
                WriteToken(json, alternative);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNull("refusal");
        json.WriteEndObject();
    }

    private static void WriteToken(Utf8JsonWriter json, ModelReplyLogProb token)
    {
        json.WriteString("token", token.Token);
        json.WriteNumber("logprob", token.LogProb);
        json.WriteStartArray("bytes");
        foreach (var b in Encoding.UTF8.GetBytes(token.Token))
        {
            json.WriteNumberValue(b);
        }

        json.WriteEndArray();
    }
}
