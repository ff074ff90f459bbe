using System.Text;
using System.Text.Json.Nodes;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>Reads value paths (member names and indexes, as <see cref="SchemaError.Path"/> holds them) against System.Text.Json values.</summary>
internal static class JsonPaths
{
    /// <summary>The value the path points at, or null.</summary>
    public static JsonNode? Find(JsonNode? root, IEnumerable<object> path) => SchemaTree.At(root, path);

    /// <summary>The path as people write it: <c>items[2].name</c>; empty for the root.</summary>
    public static string Display(IEnumerable<object> path)
    {
        var text = new StringBuilder();
        foreach (var segment in path)
        {
            if (segment is int index)
            {
                text.Append('[').Append(index).Append(']');
            }
            else
            {
                text.Append(text.Length == 0 ? string.Empty : ".").Append(segment);
            }
        }

        return text.ToString();
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="parent"/> or lies under it.</summary>
    public static bool IsUnder(IReadOnlyList<object> path, IReadOnlyList<object> parent)
        => path.Count >= parent.Count && path.Take(parent.Count).SequenceEqual(parent);
}
