using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Baton.Testing.Models;

/// <summary>
/// A loopback server for Anthropic's Messages API: <c>POST /v1/messages</c>, answering with <c>message</c> objects
/// (<c>text</c> and <c>tool_use</c> content blocks, <c>stop_reason</c>, <c>usage</c>) and Anthropic's error shape.
/// </summary>
/// <remarks><see cref="LoopbackModelServer.BaseUrl"/> is the server's root, as the SDK's base URL is.</remarks>
public sealed class LoopbackAnthropicServer : LoopbackModelServer
{
    private LoopbackAnthropicServer()
    {
    }

    /// <inheritdoc/>
    protected override IReadOnlyCollection<string> Paths { get; } = ["/v1/messages"];

    /// <inheritdoc/>
    protected override string BasePath => "";

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<LoopbackAnthropicServer> StartAsync()
    {
        var server = new LoopbackAnthropicServer();
        await server.StartCoreAsync().ConfigureAwait(false);
        return server;
    }

    /// <inheritdoc/>
    protected override Task WriteCompletionAsync(HttpResponse response, RecordedModelRequest request, ModelReply reply, int sequence)
    {
        response.Headers["request-id"] = $"req_{sequence}";
        return WriteJsonAsync(response, json =>
        {
            json.WriteStartObject();
            json.WriteString("id", reply.Id ?? $"msg_{sequence}");
            json.WriteString("type", "message");
            json.WriteString("role", "assistant");
            json.WriteString("model", reply.Model ?? request.Model ?? "unknown");
            json.WriteStartArray("content");
            if (reply.Text is { } text)
            {
                json.WriteStartObject();
                json.WriteString("type", "text");
                json.WriteString("text", text);
                json.WriteEndObject();
            }

            foreach (var call in reply.ToolCalls)
            {
                json.WriteStartObject();
                json.WriteString("type", "tool_use");
                json.WriteString("id", call.Id);
                json.WriteString("name", call.Name);
                json.WritePropertyName("input");
                using (var input = JsonDocument.Parse(call.ArgumentsJson))
                {
                    input.RootElement.WriteTo(json);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("stop_reason", reply.FinishReason ?? (reply.ToolCalls.Count > 0 ? "tool_use" : "end_turn"));
            json.WriteNull("stop_sequence");
            json.WriteStartObject("usage");
            json.WriteNumber("input_tokens", reply.InputTokens);
            json.WriteNumber("output_tokens", reply.OutputTokens);
            json.WriteNumber("cache_creation_input_tokens", 0);
            json.WriteNumber("cache_read_input_tokens", 0);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    /// <inheritdoc/>
    protected override string ErrorBody(int status, string message)
    {
        var type = status switch
        {
            401 => "authentication_error",
            403 => "permission_error",
            404 => "not_found_error",
            413 => "request_too_large",
            429 => "rate_limit_error",
            529 => "overloaded_error",
            >= 500 => "api_error",
            _ => "invalid_request_error",
        };
        return JsonSerializer.Serialize(new { type = "error", error = new { type, message } });
    }
}
