using Baton.AI.Models;

namespace Baton.AI.Structured;

/// <summary>Reads a classification answer: which of the choices it names, and how probable the model found that label.</summary>
public static class ChoiceConfidence
{
    /// <summary>The choice the answer names, and the probability of the tokens that spell it.</summary>
    /// <remarks>
    /// The answer matches a choice exactly; else, trimmed, without regard to case; else, the longest choice the answer starts with,
    /// followed by something other than a letter, digit, '-' or '_' ("billing." is <c>billing</c>; "bugs" is not <c>bug</c>).
    /// The confidence is <c>exp(sum of the log-probabilities of the tokens that spell the label)</c>, clamped to 0..1: the tokens are
    /// joined, the label is found where the answer has it (after leading whitespace), and every token that overlaps it counts.
    /// </remarks>
    /// <returns>A null choice when none matches; a null confidence when there are no log-probabilities or they cannot be aligned with the label.</returns>
    public static (string? Choice, double? Confidence) FromLogProbs(string answer, IReadOnlyList<TokenLogProb>? logProbs, IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        answer ??= string.Empty;
        var choice = Match(answer, choices);
        if (choice is null)
        {
            return (null, null);
        }

        return (choice, logProbs is { Count: > 0 } ? Confidence(choice, logProbs) : null);
    }

    private static string? Match(string answer, IReadOnlyList<string> choices)
    {
        if (choices.FirstOrDefault(c => string.Equals(c, answer, StringComparison.Ordinal)) is { } exact)
        {
            return exact;
        }

        var trimmed = answer.Trim();
        if (choices.FirstOrDefault(c => string.Equals(c.Trim(), trimmed, StringComparison.OrdinalIgnoreCase)) is { } loose)
        {
            return loose;
        }

        return choices
            .Where(c => c.Trim().Length > 0 && StartsWithLabel(trimmed, c.Trim()))
            .OrderByDescending(c => c.Trim().Length)
            .FirstOrDefault();
    }

    private static bool StartsWithLabel(string text, string label)
        => text.StartsWith(label, StringComparison.OrdinalIgnoreCase)
            && (text.Length == label.Length || !IsLabelCharacter(text[label.Length]));

    private static bool IsLabelCharacter(char c) => char.IsLetterOrDigit(c) || c is '-' or '_';

    private static double? Confidence(string choice, IReadOnlyList<TokenLogProb> logProbs)
    {
        var spelled = string.Concat(logProbs.Select(p => p.Token));
        var label = choice.Trim();
        if (label.Length == 0)
        {
            return null;
        }

        var start = 0;
        while (start < spelled.Length && char.IsWhiteSpace(spelled[start]))
        {
            start++;
        }

        if (start + label.Length > spelled.Length || string.Compare(spelled, start, label, 0, label.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return null;
        }

        var end = start + label.Length;
        var sum = 0.0;
        var offset = 0;
        foreach (var token in logProbs)
        {
            var tokenEnd = offset + token.Token.Length;
            if (tokenEnd > start && offset < end)
            {
                if (double.IsNaN(token.LogProb))
                {
                    return null;
                }

                sum += token.LogProb;
            }

            offset = tokenEnd;
        }

        return Math.Clamp(Math.Exp(sum), 0.0, 1.0);
    }
}
