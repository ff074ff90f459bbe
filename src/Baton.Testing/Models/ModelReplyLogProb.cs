namespace Baton.Testing.Models;

/// <summary>One token's log-probability in a <see cref="ModelReply"/>, with its top alternatives (whose own alternatives are ignored).</summary>
public sealed record ModelReplyLogProb(string Token, double LogProb, IReadOnlyList<ModelReplyLogProb>? TopAlternatives = null);
