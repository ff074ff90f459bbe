using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Baton.Store.Conformance;

/// <summary>
/// Turns a stored record into plain values for equivalence checks: JSON as its text, times as UTC instants, and every
/// other public property recursively. New properties on the records are compared without changes here.
/// </summary>
public static class Comparable
{
    public static object? Of(object? value) => value switch
    {
        null => null,
        JsonNode node => node.ToJsonString(),
        DateTimeOffset time => time.UtcDateTime,
        string or bool or int or long or Enum or RunId => value,
        IEnumerable items => items.Cast<object?>().Select(Of).ToList(),
        _ => value.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.Name, p => Of(p.GetValue(value))),
    };

    /// <summary>Asserts that <paramref name="actual"/> holds the same values as <paramref name="expected"/>.</summary>
    public static void ShouldMatch(this object? actual, object? expected, string because = "")
    {
        Of(actual).Should().BeEquivalentTo(Of(expected), o => o.WithStrictOrdering(), because);
    }
}
