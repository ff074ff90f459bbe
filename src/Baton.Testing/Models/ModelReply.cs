namespace Baton.Testing.Models;

/// <summary>What a loopback model server answers to one request: a completion, an error status, or a raw (malformed) body.</summary>
/// <remarks>Each server writes it in its vendor's wire format. The defaults answer with the text "ok", 10 input and 5 output tokens.</remarks>
public sealed record ModelReply
{
    /// <summary>The assistant's text; null for none (a reply that only calls tools).</summary>
    public string? Text { get; init; }

    /// <summary>Tool calls the assistant makes.</summary>
    public IReadOnlyList<ModelReplyToolCall> ToolCalls { get; init; } = [];

    /// <summary>Token log-probabilities (OpenAI only); null sends none.</summary>
    public IReadOnlyList<ModelReplyLogProb>? LogProbs { get; init; }

    /// <summary>Usage: prompt tokens. Default 10.</summary>
    public int InputTokens { get; init; } = 10;

    /// <summary>Usage: completion tokens. Default 5.</summary>
    public int OutputTokens { get; init; } = 5;

    /// <summary>The finish (stop) reason on the wire; null for the vendor's usual one (tool calls, else a normal stop).</summary>
    public string? FinishReason { get; init; }

    /// <summary>The response id; null makes one up (<c>chatcmpl-N</c>, <c>msg_N</c>).</summary>
    public string? Id { get; init; }

    /// <summary>The model the response names; null echoes the request's.</summary>
    public string? Model { get; init; }

    /// <summary>The HTTP status. Default 200; 400 and above send <see cref="ErrorMessage"/> in the vendor's error shape.</summary>
    public int StatusCode { get; init; } = 200;

    /// <summary>A <c>Retry-After</c> header value, such as <c>7</c> or an HTTP date.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>The error message of an error status.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>A body sent as is, with <see cref="StatusCode"/>, instead of anything built from the other properties.</summary>
    public string? RawBody { get; init; }

    /// <summary>Real time to wait before answering, on top of the server's latency; cut short when the client aborts.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>A text answer.</summary>
    public static ModelReply WithText(string text) => new() { Text = text };

    /// <summary>An answer that calls tools.</summary>
    public static ModelReply WithToolCalls(params ModelReplyToolCall[] calls) => new() { ToolCalls = calls };

    /// <summary>An error status with the vendor's error body, and optionally a <c>Retry-After</c>.</summary>
    public static ModelReply Error(int statusCode, string message, string? retryAfter = null)
        => new() { StatusCode = statusCode, ErrorMessage = message, RetryAfter = retryAfter };

    /// <summary>A 200 response whose body is <paramref name="body"/>, as is.</summary>
    public static ModelReply Malformed(string body) => new() { RawBody = body };
}
