using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baton.Steps;

/// <summary>The statuses an <c>http</c> step accepts: exact codes and <c>"2xx"</c>-style classes.</summary>
internal sealed class HttpStatusExpectation
{
    public static readonly HttpStatusExpectation Default = new([], [2]);

    private readonly HashSet<int> _codes;
    private readonly HashSet<int> _classes;

    private HttpStatusExpectation(HashSet<int> codes, HashSet<int> classes)
    {
        _codes = codes;
        _classes = classes;
    }

    public bool Accepts(int status) => _codes.Contains(status) || _classes.Contains(status / 100);

    public override string ToString()
        => string.Join(", ", _codes.Order().Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Concat(_classes.Order().Select(c => $"{c}xx")));

    /// <summary>Reads <c>expect</c>: an integer, a class string, or a non-empty list of them. Null means the default.</summary>
    public static HttpStatusExpectation Parse(JsonNode? node, string path)
    {
        if (node is null)
        {
            return Default;
        }

        var codes = new HashSet<int>();
        var classes = new HashSet<int>();
        if (node is JsonArray list)
        {
            if (list.Count == 0)
            {
                throw StepConfigReader.Invalid($"{path} must list at least one status.");
            }

            for (var i = 0; i < list.Count; i++)
            {
                AddEntry(list[i], $"{path}[{i}]", codes, classes);
            }
        }
        else
        {
            AddEntry(node, path, codes, classes);
        }

        return new HttpStatusExpectation(codes, classes);
    }

    private static void AddEntry(JsonNode? node, string path, HashSet<int> codes, HashSet<int> classes)
    {
        if (StepConfigReader.TryGetInteger(node, out var code) && code is >= 100 and <= 599)
        {
            codes.Add((int)code);
            return;
        }

        if (node?.GetValueKind() == JsonValueKind.String && TryParseClass(node.GetValue<string>(), out var statusClass))
        {
            classes.Add(statusClass);
            return;
        }

        throw StepConfigReader.Invalid(
            $"{path} must be a status from 100 to 599 or a class such as \"2xx\", not {StepConfigReader.DescribeValue(node)}.");
    }

    private static bool TryParseClass(string text, out int statusClass)
    {
        statusClass = 0;
        if (text.Length != 3 || text[0] < '1' || text[0] > '5' || !text.EndsWith("xx", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        statusClass = text[0] - '0';
        return true;
    }
}
