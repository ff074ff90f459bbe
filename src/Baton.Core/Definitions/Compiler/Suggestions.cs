namespace Baton.Definitions.Compiler;

/// <summary>Finds the known name closest to a misspelt one, for "did you mean" hints.</summary>
internal static class Suggestions
{
    /// <summary>The closest candidate within a small edit distance, or null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = name.Length <= 3 ? 1 : name.Length <= 6 ? 2 : 3;
        foreach (var candidate in candidates)
        {
            var distance = string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(name, candidate);
            if (distance <= limit && distance < bestDistance && candidate != name)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>" Did you mean 'x'?" or an empty string.</summary>
    public static string Hint(string name, IEnumerable<string> candidates)
        => Closest(name, candidates) is { } match ? $" Did you mean '{match}'?" : string.Empty;

    /// <summary>The optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
