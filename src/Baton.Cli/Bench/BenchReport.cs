using System.Globalization;
using System.Text.Json.Nodes;

namespace Baton.Cli.Bench;

/// <summary>What one benchmark scenario measured.</summary>
internal sealed record BenchReport(string Scenario, JsonObject Settings, JsonObject Results)
{
    public JsonObject ToJson() => new()
    {
        ["scenario"] = Scenario,
        ["settings"] = Settings.DeepClone(),
        ["results"] = Results.DeepClone(),
        ["machine"] = Machine(),
    };

    public static JsonObject Machine() => new()
    {
        ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        ["processors"] = Environment.ProcessorCount,
    };

    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = p / 100 * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    public static double Round(double value, int digits = 3) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
}
