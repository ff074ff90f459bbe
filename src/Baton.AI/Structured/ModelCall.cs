using Microsoft.Extensions.AI;

namespace Baton.AI.Structured;

/// <summary>Makes one model call. The step executor records each call durably under <paramref name="callName"/> (<c>call-1</c>, <c>call-2</c>...), so that a replay after a crash answers from the record.</summary>
public delegate Task<ChatResponse> ModelCall(string callName, IReadOnlyList<ChatMessage> messages, ChatOptions options, CancellationToken cancellationToken);
