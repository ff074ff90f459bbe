using System.Globalization;

namespace Baton.Engine;

/// <summary>How durations read in messages and the CLI: <c>142 ms</c>, <c>3.5 s</c>, <c>2m10s</c>.</summary>
public static class RunDriverFormatting
{
    public static string Duration(TimeSpan duration)
        => duration.TotalSeconds < 1
            ? $"{duration.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture)} ms"
            : duration.TotalMinutes < 1
                ? $"{duration.TotalSeconds.ToString("0.0#", CultureInfo.InvariantCulture)} s"
                : Definitions.Duration.Format(TimeSpan.FromSeconds(Math.Round(duration.TotalSeconds)));
}
