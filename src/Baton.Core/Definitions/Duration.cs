using System.Globalization;

namespace Baton.Definitions;

/// <summary>Parses and formats the duration syntax of the workflow language: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>, and sums such as <c>1h30m</c>.</summary>
public static class Duration
{
    /// <summary>The longest duration accepted anywhere in a definition: 10 years, so that arithmetic on timestamps cannot overflow.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(3650);

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var total = 0.0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (i == start || !double.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && char.IsAsciiLetterLower(s[i]))
            {
                i++;
            }

            double? unitMs = s[unitStart..i] switch
            {
                "ms" => 1,
                "s" => 1000,
                "m" => 60_000,
                "h" => 3_600_000,
                "d" => 86_400_000,
                _ => null,
            };
            if (unitMs is null)
            {
                return false;
            }

            total += number * unitMs.Value;
        }

        if (total > Max.TotalMilliseconds)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(total);
        return true;
    }

    /// <summary>Formats compactly, the inverse of <see cref="TryParse"/>: <c>1h30m</c>, <c>250ms</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var parts = new List<string>(4);
        if (value.Days > 0)
        {
            parts.Add($"{value.Days}d");
        }

        if (value.Hours > 0)
        {
            parts.Add($"{value.Hours}h");
        }

        if (value.Minutes > 0)
        {
            parts.Add($"{value.Minutes}m");
        }

        if (value.Seconds > 0)
        {
            parts.Add($"{value.Seconds}s");
        }

        if (value.Milliseconds > 0)
        {
            parts.Add($"{value.Milliseconds}ms");
        }

        return string.Concat(parts);
    }
}
