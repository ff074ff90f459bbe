namespace Baton.AI.Models;

/// <summary>One generated token with its log-probability and the most likely alternatives at that position.</summary>
public sealed record TokenLogProb(string Token, double LogProb, IReadOnlyList<TokenAlternative> TopAlternatives);

/// <summary>An alternative token at one position.</summary>
public sealed record TokenAlternative(string Token, double LogProb);
