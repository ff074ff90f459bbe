namespace Baton.Testing.Models;

/// <summary>A tool call in a <see cref="ModelReply"/>. <paramref name="ArgumentsJson"/> is sent as OpenAI's arguments string (so it may be invalid JSON there) and as Anthropic's <c>input</c> object.</summary>
public sealed record ModelReplyToolCall(string Id, string Name, string ArgumentsJson);
